using System.Text.Json;

namespace IncidentPortal.Infrastructure.Web;

/// <summary>What to tell a client about JSON it sent: where it went wrong, without the server's type names.</summary>
public static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        // "The JSON value could not be converted to IncidentPortal.Features…" names a server type: say where instead.
        if (e.Message.Contains("IncidentPortal.", StringComparison.Ordinal) || e.Message.Contains("System.", StringComparison.Ordinal))
        {
            return e.Path is { Length: > 0 } path
                ? $"The value at {path} has the wrong type, or is not one of the allowed values."
                : "The body does not have the shape this request expects.";
        }
        return e.Message;
    }
}
