using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// /api/v2/summary.json and /api/v2/status.json in the shape Statuspage's public API uses, so existing dashboards and
/// bots can read this page unchanged. Only published, public text.
/// </summary>
public static class StatusSummaryJson
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public const string PageId = "incidentportal";

    public static object Create(StatusSnapshot snapshot, string name, string baseUrl, bool summary)
    {
        var page = new SummaryPage(PageId, name, baseUrl + "/status", "Etc/UTC", snapshot.BuiltAt);
        var status = new SummaryStatus(Indicator(snapshot), snapshot.Headline);
        if (!summary) return new StatusOnly(page, status);
        var groups = snapshot.Groups.Where(g => g.Name is not null).ToList();
        var components = groups.Select((g, i) => new SummaryComponent(GroupId(g.Name!), g.Name!, StatusText.ApiName(g.Worst),
                g.Components.Min(c => c.UpdatedAt), g.Components.Max(c => c.UpdatedAt), i, null, PageId, null, true,
                g.Components.Select(c => IdText(c.Id)).ToList()))
            .Concat(snapshot.Components.Select((c, i) => new SummaryComponent(IdText(c.Id), c.Name, StatusText.ApiName(c.Status),
                c.UpdatedAt, c.UpdatedAt, c.Position, c.Description, PageId, c.Group is null ? null : GroupId(c.Group), false, null)))
            .ToList();
        var incidents = snapshot.ActiveIncidents.Select(i => new SummaryIncident(IdText(i.Id), i.Title, StatusText.ApiName(i.Phase),
            i.CreatedAt, i.UpdatedAt, i.Updates.Where(u => u.Phase == IncidentPhase.Monitoring).Select(u => (DateTime?)u.At).LastOrDefault(),
            i.ResolvedAt, Impact(i.Impact), baseUrl + $"/status/incidents/{i.Id}", i.CreatedAt, PageId,
            i.Updates.Select(u => Update(u, IdText(i.Id))).ToList(),
            i.Impacts.Select(c => new SummaryAffected(IdText(c.ComponentId), c.ComponentName, StatusText.ApiName(c.Status))).ToList())).ToList();
        var maintenances = snapshot.ActiveOrUpcomingMaintenances.Select(m => new SummaryMaintenance(IdText(m.Id), m.Title,
            m.State == MaintenanceState.InProgress ? "in_progress" : "scheduled", m.CreatedAt, m.UpdatedAt, m.StartsAt, m.EndsAt,
            "maintenance", baseUrl + "/status", PageId,
            [new SummaryUpdate($"m{m.Id}", m.State == MaintenanceState.InProgress ? "in_progress" : "scheduled", m.Message, IdText(m.Id),
                m.UpdatedAt, m.UpdatedAt, m.UpdatedAt, [])],
            m.Components.Select(c => new SummaryAffected(IdText(c.ComponentId), c.ComponentName, "under_maintenance")).ToList())).ToList();
        return new Summary(page, components, incidents, maintenances, status);
    }

    /// <summary>Ids on the wire: digits only, whatever the server's culture.</summary>
    private static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static SummaryUpdate Update(UpdateView u, string incidentId) => new(IdText(u.Id), StatusText.ApiName(u.Phase), u.Message,
        incidentId, u.At, u.At, u.At, u.Affected.Select(a => new SummaryAffected(IdText(a.ComponentId), a.ComponentName, StatusText.ApiName(a.Status))).ToList());

    /// <summary>Statuspage's indicator: none, minor, major, critical, or maintenance.</summary>
    public static string Indicator(StatusSnapshot snapshot) => snapshot.Overall switch
    {
        ComponentStatus.Operational => snapshot.ActiveIncidents.Any() ? "minor" : "none",
        ComponentStatus.UnderMaintenance => "maintenance",
        ComponentStatus.DegradedPerformance => "minor",
        ComponentStatus.PartialOutage => "major",
        _ => "critical",
    };

    private static string Impact(ComponentStatus worst) => worst switch
    {
        ComponentStatus.MajorOutage => "critical",
        ComponentStatus.PartialOutage => "major",
        ComponentStatus.DegradedPerformance => "minor",
        _ => "none",
    };

    private static string GroupId(string name) => "group-" + string.Concat(name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-'));

    public sealed record SummaryPage(string Id, string Name, string Url, string TimeZone, DateTime UpdatedAt);
    public sealed record SummaryStatus(string Indicator, string Description);
    public sealed record StatusOnly(SummaryPage Page, SummaryStatus Status);
    public sealed record Summary(SummaryPage Page, IReadOnlyList<SummaryComponent> Components, IReadOnlyList<SummaryIncident> Incidents,
        IReadOnlyList<SummaryMaintenance> ScheduledMaintenances, SummaryStatus Status);
    public sealed record SummaryComponent(string Id, string Name, string Status, DateTime CreatedAt, DateTime UpdatedAt, int Position,
        string? Description, string PageId, string? GroupId, bool Group, IReadOnlyList<string>? Components);
    public sealed record SummaryIncident(string Id, string Name, string Status, DateTime CreatedAt, DateTime UpdatedAt, DateTime? MonitoringAt,
        DateTime? ResolvedAt, string Impact, string Shortlink, DateTime StartedAt, string PageId, IReadOnlyList<SummaryUpdate> IncidentUpdates,
        IReadOnlyList<SummaryAffected> Components);
    public sealed record SummaryMaintenance(string Id, string Name, string Status, DateTime CreatedAt, DateTime UpdatedAt, DateTime ScheduledFor,
        DateTime ScheduledUntil, string Impact, string Shortlink, string PageId, IReadOnlyList<SummaryUpdate> IncidentUpdates,
        IReadOnlyList<SummaryAffected> Components);
    public sealed record SummaryUpdate(string Id, string Status, string Body, string IncidentId, DateTime CreatedAt, DateTime UpdatedAt,
        DateTime DisplayAt, IReadOnlyList<SummaryAffected> AffectedComponents);
    public sealed record SummaryAffected(string Id, string Name, string Status);
}
