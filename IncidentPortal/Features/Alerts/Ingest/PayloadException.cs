namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>The request body is not what the endpoint accepts; the message names the field, for a 400 answer.</summary>
public sealed class PayloadException(string message) : Exception(message);
