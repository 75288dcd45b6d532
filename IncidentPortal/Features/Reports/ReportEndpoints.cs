using System.Globalization;
using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Api;
using IncidentPortal.Features.Api.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentPortal.Features.Reports;

/// <summary>
/// <c>GET /api/v1/reports/{volume,speed,sla,quality,people}</c> (JSON), <c>/reports/{section}.csv?table=…</c>, and the
/// incidents behind a slice: <c>/reports/incidents?slice=created~2026-12-01</c> (JSON) and <c>/reports/incidents.csv</c>.
/// The range and filters are <see cref="ReportUrl"/>'s parameters (range, from, to, tz, team, service, category,
/// priority, source). Staff only (reporters get 403); People for incident managers and admins.
/// </summary>
public static class ReportEndpoints
{
    private const string Parameters = "Range and filters as on the Reports page: range=last7|last30|last90|quarter, or from/to (yyyy-MM-dd, inclusive), "
        + "tz (IANA zone for day boundaries; default UTC), team, service, category, priority (P1–P5), source (self-service, agent, alert, api).";

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/volume", (HttpRequest r, ClaimsPrincipal u, ReportsService s, TimeProvider c, CancellationToken ct) =>
            Section(r, c, f => s.VolumeAsync(Actor.From(u), f, ct))).WithName("getVolumeReport").WithSummary("Volume report")
            .WithDescription("Created vs resolved per day or week, backlog over time, open incidents by age. " + Parameters);
        group.MapGet("/speed", (HttpRequest r, ClaimsPrincipal u, ReportsService s, TimeProvider c, CancellationToken ct) =>
            Section(r, c, f => s.SpeedAsync(Actor.From(u), f, ct))).WithName("getSpeedReport").WithSummary("Speed report (MTTA, MTTR)")
            .WithDescription("Median and 90th percentile time to first response and to resolve, calendar and business time, by priority, team and service, with the previous period. " + Parameters);
        group.MapGet("/sla", (HttpRequest r, ClaimsPrincipal u, ReportsService s, TimeProvider c, CancellationToken ct) =>
            Section(r, c, f => s.SlaAsync(Actor.From(u), f, ct))).WithName("getSlaReport").WithSummary("SLA report")
            .WithDescription("Response and resolution compliance by priority and team, and the breaches with the clock's reason. " + Parameters);
        group.MapGet("/quality", (HttpRequest r, ClaimsPrincipal u, ReportsService s, TimeProvider c, CancellationToken ct) =>
            Section(r, c, f => s.QualityAsync(Actor.From(u), f, ct))).WithName("getQualityReport").WithSummary("Quality report")
            .WithDescription("Reopen rate, first-contact resolution, reassignments, top services and categories, alert noise, major incidents and reviews, action items. " + Parameters);
        group.MapGet("/people", (HttpRequest r, ClaimsPrincipal u, ReportsService s, TimeProvider c, CancellationToken ct) =>
            Section(r, c, f => s.PeopleAsync(Actor.From(u), f, ct))).WithName("getPeopleReport").WithSummary("People report")
            .WithDescription("Incident managers and admins: load per agent and off-hours pages per person. " + Parameters);
        group.MapGet("/incidents", IncidentsAsync).WithName("getReportIncidents").WithSummary("Incidents behind a figure")
            .WithDescription("Exactly the incidents a chart segment or table row counted (slice=kind~key, e.g. created~2026-12-01, resolved~priority:P1, sla-breach~response:P1), newest first, at most 50,000. " + Parameters);
        group.MapGet("/incidents.csv", IncidentsCsvAsync).WithName("getReportIncidentsCsv").WithSummary("Incidents behind a figure, as CSV")
            .WithDescription("The same list as CSV (the queue export's columns). " + Parameters);
        group.MapGet("/{section}.csv", TableCsvAsync).WithName("getReportTableCsv").WithSummary("A report table as CSV")
            .WithDescription("section = volume, speed, sla, quality or people; table = one of the section's tables (volume: created-resolved, backlog, open-age; "
                + "speed: by-priority, by-team, by-service; sla: by-priority, by-team, breaches; quality: headline, top-services, top-categories, flapping-alerts; people: people). " + Parameters);
    }

    private static async Task<Ok<T>> Section<T>(HttpRequest request, TimeProvider clock, Func<ReportFilter, Task<T>> compute) =>
        TypedResults.Ok(await compute(Filter(request, clock)));

    private static ReportFilter Filter(HttpRequest request, TimeProvider clock) =>
        ReportUrl.Parse(request.Query, null, clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<List<ApiIncidentSummary>>, ValidationProblem>> IncidentsAsync(HttpRequest request, ClaimsPrincipal user,
        ReportsService reports, TimeProvider clock, CancellationToken ct)
    {
        if (ReportUrl.ParseSlice(request.Query) is not { } slice) return ApiErrors.Invalid("slice", "Name the figure: slice=kind~key, e.g. created~2026-12-01.");
        var rows = await reports.IncidentRowsAsync(Actor.From(user), Filter(request, clock), slice, ct: ct);
        return TypedResults.Ok(rows.Select(ApiIncidentSummary.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> IncidentsCsvAsync(HttpRequest request, ClaimsPrincipal user,
        ReportsService reports, TimeProvider clock, CancellationToken ct)
    {
        if (ReportUrl.ParseSlice(request.Query) is not { } slice) return ApiErrors.Invalid("slice", "Name the figure: slice=kind~key, e.g. created~2026-12-01.");
        var rows = await reports.IncidentRowsAsync(Actor.From(user), Filter(request, clock), slice, ct: ct);
        return File(request.HttpContext, await ReportCsv.ToBytesAsync(ReportCsv.Incidents(rows), ct), $"incidents-{slice.Kind}", clock);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> TableCsvAsync(string section, string? table, HttpRequest request,
        ClaimsPrincipal user, ReportsService reports, TimeProvider clock, CancellationToken ct)
    {
        if (!ReportCsv.Tables.TryGetValue(section, out var tables)) return ApiErrors.Invalid("section", "The section is volume, speed, sla, quality or people.");
        var name = table ?? tables[0];
        if (!tables.Contains(name)) return ApiErrors.Invalid("table", $"The {section} tables are {string.Join(", ", tables)}.");
        var actor = Actor.From(user);
        var filter = Filter(request, clock);
        var csv = section switch
        {
            "volume" => ReportCsv.Volume(await reports.VolumeAsync(actor, filter, ct), name),
            "speed" => ReportCsv.Speed(await reports.SpeedAsync(actor, filter, ct), name),
            "sla" => ReportCsv.Sla(await reports.SlaAsync(actor, filter, ct), name),
            "quality" => ReportCsv.Quality(await reports.QualityAsync(actor, filter, ct), name),
            _ => ReportCsv.People(await reports.PeopleAsync(actor, filter, ct)),
        };
        return File(request.HttpContext, await ReportCsv.ToBytesAsync(csv, ct), $"{section}-{name}", clock);
    }

    private static FileContentHttpResult File(HttpContext http, byte[] bytes, string name, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"report-{name}-{stamp}.csv");
    }
}
