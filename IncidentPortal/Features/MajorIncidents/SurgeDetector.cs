namespace IncidentPortal.Features.MajorIncidents;

/// <summary>A recently reported incident, as surge detection sees it.</summary>
public sealed record RecentReport(int IncidentId, int ServiceId, string Service, DateTime ReportedAt);

/// <summary>"Possible major incident on VPN: 7 reports in 10 minutes", with the incidents to link.</summary>
public sealed record Surge(int ServiceId, string Service, IReadOnlyList<int> IncidentIds, DateTime From, DateTime To)
{
    public string Message(TimeSpan window) =>
        $"Possible major incident on {Service}: {Infrastructure.Text.Plural.Count(IncidentIds.Count, "report")} in {Infrastructure.Text.Plural.Count((int)window.TotalMinutes, "minute")}";
}

/// <summary>
/// Surge detection: at least N reports on one service within a sliding window of M minutes. Services that already
/// have a running major incident are left out: new reports there are offered as its children instead.
/// </summary>
public static class SurgeDetector
{
    public static IReadOnlyList<Surge> Find(IEnumerable<RecentReport> reports, int count, TimeSpan window, DateTime now,
        IReadOnlySet<int> servicesWithMajorIncident)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var surges = new List<Surge>();
        foreach (var service in reports.Where(r => r.ReportedAt > now - window && r.ReportedAt <= now
                     && !servicesWithMajorIncident.Contains(r.ServiceId)).GroupBy(r => r.ServiceId))
        {
            var inWindow = service.OrderBy(r => r.ReportedAt).ToList();
            if (inWindow.Count < count) continue;
            surges.Add(new Surge(service.Key, inWindow[0].Service, [.. inWindow.Select(r => r.IncidentId)],
                inWindow[0].ReportedAt, inWindow[^1].ReportedAt));
        }
        return [.. surges.OrderByDescending(s => s.IncidentIds.Count).ThenBy(s => s.Service, StringComparer.OrdinalIgnoreCase)];
    }
}
