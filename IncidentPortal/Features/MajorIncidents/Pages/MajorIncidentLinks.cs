namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>Where the major-incident pages live (base-relative, as the portal's links are written).</summary>
public static class MajorIncidentLinks
{
    public const string List = "major-incidents";
    public const string New = "major-incidents/new";

    public static string WarRoom(int majorId) => $"major-incidents/{majorId}";

    public static string Incident(int incidentId) => $"incidents/{incidentId}";
}
