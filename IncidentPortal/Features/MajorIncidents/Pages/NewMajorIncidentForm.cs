using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Features.MajorIncidents.Pages;

/// <summary>What the "declare a major incident" page asks, checked field by field before anything is created.</summary>
public sealed class NewMajorIncidentForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? ServiceId { get; set; }
    public Impact Impact { get; set; } = Impact.High;
    public Urgency Urgency { get; set; } = Urgency.High;
    public Severity? Severity { get; set; }
    public string? CommanderId { get; set; }
    public string? Reason { get; set; }

    public sealed record Errors(string? Title = null, string? Service = null, string? Severity = null, string? Commander = null,
        string? Reason = null)
    {
        public bool None => this == new Errors();
    }

    public Errors Validate() => new(
        string.IsNullOrWhiteSpace(Title) ? "Give the major incident a title."
            : Title.Trim().Length > Incident.MaxTitleLength ? $"At most {Incident.MaxTitleLength} characters." : null,
        ServiceId is null ? "Choose the affected service." : null,
        Severity is null ? "Choose how severe it is." : null,
        string.IsNullOrEmpty(CommanderId) ? "Choose who is in command." : null,
        string.IsNullOrWhiteSpace(Reason) ? "Say why this is a major incident." : null);

    public MajorIncidentStart ToStart(IReadOnlyCollection<int> link) => new(
        new IncidentDraft(Title!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Impact, Urgency,
            IncidentSource.Agent, ServiceId, null),
        Severity!.Value, CommanderId!, Reason!.Trim(), link);

    /// <summary>"VPN outage": what a surge on a service usually is.</summary>
    public static string? SuggestedTitle(string? serviceName) => serviceName is null ? null : $"{serviceName} outage";

    /// <summary>The surge link's "12,13,14"; anything that is not an id is ignored.</summary>
    public static IReadOnlyList<int> ParseIds(string? ids) =>
        [.. (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var id) && id > 0 ? id : 0).Where(id => id > 0).Distinct().Take(200)];
}
