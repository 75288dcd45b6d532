namespace IncidentPortal.Features.Incidents;

/// <summary>The "Incidents" section of appsettings.json.</summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>A resolved incident the reporter has not reopened is closed after this many days; 0 turns it off.</summary>
    public int AutoCloseAfterDays { get; set; } = 7;
}
