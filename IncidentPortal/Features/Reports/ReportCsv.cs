using System.Globalization;
using CsvHelper;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Export;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// Every report table as CSV, and a slice's incidents (the queue's export columns). Cells go through the queue export's
/// formula guard (<see cref="QueueCsv.Neutralise"/>); quotes, commas and line breaks are quoted by CsvHelper.
/// Durations are in minutes, times in UTC.
/// </summary>
public static class ReportCsv
{
    /// <summary>Tables per section, by the name used in <c>?table=</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>
    {
        ["volume"] = ["created-resolved", "backlog", "open-age"],
        ["speed"] = ["by-priority", "by-team", "by-service"],
        ["sla"] = ["by-priority", "by-team", "breaches"],
        ["quality"] = ["headline", "top-services", "top-categories", "flapping-alerts"],
        ["people"] = ["people"],
    };

    public static (string[] Header, IEnumerable<string?[]> Rows) Volume(VolumeReport r, string table) => table switch
    {
        "backlog" => (["Period", "Open at end", "Slice"], r.Backlog.Select(p => new[] { p.Label, N(p.Open), p.Slice.Format() })),
        "open-age" => (["Age", "Open", "Slice"], r.OpenByAge.Select(a => new[] { a.Label, N(a.Count), a.Slice.Format() })),
        _ => (["Period", "Created", "Resolved"], r.CreatedResolved.Select(p => new[] { p.Label, N(p.Created), N(p.Resolved) })),
    };

    public static (string[] Header, IEnumerable<string?[]> Rows) Speed(SpeedReport r, string table) =>
        (["Group", "Responded", "MTTA median (min)", "MTTA p90 (min)", "MTTA business median (min)", "MTTA business p90 (min)",
          "Resolved", "MTTR median (min)", "MTTR p90 (min)", "MTTR business median (min)", "MTTR business p90 (min)"],
        (table switch { "by-team" => r.ByTeam, "by-service" => r.ByService, _ => r.ByPriority }).Select(s => new[]
        {
            s.Label, N(s.Response.Count), M(s.Response.Median), M(s.Response.P90), M(s.ResponseBusiness.Median), M(s.ResponseBusiness.P90),
            N(s.Resolution.Count), M(s.Resolution.Median), M(s.Resolution.P90), M(s.ResolutionBusiness.Median), M(s.ResolutionBusiness.P90),
        }));

    public static (string[] Header, IEnumerable<string?[]> Rows) Sla(SlaReport r, string table) => table switch
    {
        "breaches" => (["Reference", "Title", "Priority", "Team", "Clock", "Due (UTC)", "Target (min)", "Reason"], r.Breaches.Select(b => new[]
        {
            b.Reference, b.Title, b.Priority.ToString(), b.Team, b.Clock.ToString(), T(b.DueAt), M(b.Target), b.Reason,
        })),
        _ => (["Group", "Response met", "Response breached", "Response %", "Resolution met", "Resolution breached", "Resolution %"],
            (table == "by-team" ? r.ByTeam : r.ByPriority).Select(s => new[]
            {
                s.Label, N(s.Response.Met), N(s.Response.Breached), P(s.Response.Percent), N(s.Resolution.Met), N(s.Resolution.Breached), P(s.Resolution.Percent),
            })),
    };

    public static (string[] Header, IEnumerable<string?[]> Rows) Quality(QualityReport r, string table) => table switch
    {
        "top-services" => (["Service", "Incidents", "Outage minutes"], r.TopServices.Select(t => new[] { t.Label, N(t.Incidents), P(t.OutageMinutes) })),
        "top-categories" => (["Category", "Incidents"], r.TopCategories.Select(t => new[] { t.Label, N(t.Incidents) })),
        "flapping-alerts" => (["Dedup key", "Title", "Firings", "Incidents"], r.FlappingAlerts.Select(f => new[] { f.DedupKey, f.Title, N(f.Firings), N(f.Incidents) })),
        _ => (["Figure", "Value", "Unit", "How it is measured"], r.Headline.Select(f => new[] { f.Title, P(f.Value), f.Unit, f.HowMeasured })),
    };

    public static (string[] Header, IEnumerable<string?[]> Rows) People(PeopleReport r) =>
        (["Person", "Load", "Resolved", "Pages", "Off-hours pages"], r.People.Select(p => new[] { p.Name, N(p.Load), N(p.Resolved), N(p.Pages), N(p.OffHoursPages) }));

    public static (string[] Header, IEnumerable<string?[]> Rows) Incidents(IEnumerable<IncidentRow> rows) =>
        (QueueCsv.Header, rows.Select(r => new[]
        {
            r.Reference, r.Title, IncidentText.Label(r.Status), r.Priority.ToString(), r.Service, r.Team, r.Assignee, r.Reporter,
            T(r.CreatedAt), T(r.UpdatedAt),
        }));

    /// <summary>UTF-8 with a byte order mark, every cell neutralised.</summary>
    public static async Task<byte[]> ToBytesAsync((string[] Header, IEnumerable<string?[]> Rows) table, CancellationToken ct = default)
    {
        await using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var name in table.Header) csv.WriteField(name);
            await csv.EndRecordAsync(ct);
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(QueueCsv.Neutralise(cell));
                await csv.EndRecordAsync(ct);
            }
            await csv.FlushAsync(ct);
        }
        return stream.ToArray();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string? P(double? n) => n?.ToString("0.##", CultureInfo.InvariantCulture);
    private static string? M(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1).ToString("0.#", CultureInfo.InvariantCulture) : null;
    private static string? T(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
