using System.ComponentModel;
using System.Security.Claims;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IncidentPortal.Features.Api.Incidents;

/// <summary><c>GET</c> on incidents: lists, one incident, its timeline.</summary>
public static class IncidentReadEndpoints
{
    internal const string IncidentParameter = "The incident's id (42) or reference (INC-000042).";

    public static void MapIncidentReads(this RouteGroupBuilder incidents)
    {
        incidents.MapGet("", ListAsync).WithName("listIncidents").WithSummary("List incidents")
            .WithDescription("Incidents you may see (agents: all; reporters: their own), filtered, sorted and paged. Total counts every match.");
        incidents.MapGet("/{incident}", GetAsync).WithName("getIncident").WithSummary("Get an incident")
            .WithDescription("By id (42) or reference (INC-000042). The ETag header carries the version, for If-Match on changes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        incidents.MapGet("/{incident}/timeline", TimelineAsync).WithName("getIncidentTimeline").WithSummary("Get an incident's timeline")
            .WithDescription("Every change and comment, oldest first. Reporters get the public entries only (no work notes).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ApiPage<ApiIncidentSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] IncidentListParameters parameters, ClaimsPrincipal user, IncidentListQuery query, HttpRequest request, CancellationToken ct)
    {
        var page = parameters.Page ?? 1;
        var pageSize = parameters.PageSize ?? IncidentListParameters.DefaultPageSize;
        if (page < 1) return ApiErrors.Invalid("page", "The page number starts at 1.");
        if (pageSize is < 1 or > IncidentListParameters.MaxPageSize)
            return ApiErrors.Invalid("pageSize", $"The page size must be between 1 and {IncidentListParameters.MaxPageSize}.");
        if (parameters.Q?.Length > QueueQuery.MaxSearchLength)
            return ApiErrors.Invalid("q", $"The search can be at most {QueueQuery.MaxSearchLength} characters.");

        if (!Enum.TryParse<ApiIncidentSort>(parameters.Sort ?? nameof(ApiIncidentSort.Created), ignoreCase: true, out var sort) || !Enum.IsDefined(sort))
            return ApiErrors.Invalid("sort", "Sort by created, updated, priority or reference.");
        if (!Enum.TryParse<ApiSortOrder>(parameters.Order ?? nameof(ApiSortOrder.Desc), ignoreCase: true, out var order) || !Enum.IsDefined(order))
            return ApiErrors.Invalid("order", "The order is asc or desc.");

        var (rows, total) = await query.ListAsync(Actor.From(user), parameters, page, pageSize, sort, order, ct);
        var totalPages = (total + pageSize - 1) / pageSize;
        return TypedResults.Ok(new ApiPage<ApiIncidentSummary>(rows.Select(ApiIncidentSummary.From).ToList(), page, pageSize, total, totalPages,
            page < totalPages ? PageLink(request, page + 1) : null,
            page > 1 && totalPages > 0 ? PageLink(request, Math.Min(page - 1, totalPages)) : null));
    }

    private static async Task<Ok<ApiIncident>> GetAsync([Description(IncidentParameter)] string incident, ClaimsPrincipal user, IncidentListQuery list,
        IncidentQueries queries, HttpResponse response, CancellationToken ct)
    {
        var details = await queries.GetAsync(Actor.From(user), await ResolveAsync(list, incident, ct), ct);
        response.Headers.ETag = ETag(details.Version);
        return TypedResults.Ok(ApiIncident.From(details));
    }

    private static async Task<Ok<List<ApiTimelineEntry>>> TimelineAsync([Description(IncidentParameter)] string incident, ClaimsPrincipal user, IncidentListQuery list,
        IncidentQueries queries, CancellationToken ct)
    {
        var details = await queries.GetAsync(Actor.From(user), await ResolveAsync(list, incident, ct), ct);
        return TypedResults.Ok(details.Timeline.Select(ApiTimelineEntry.From).ToList());
    }

    /// <exception cref="IncidentNotFoundException">Neither an id nor the reference of an existing incident.</exception>
    internal static async Task<int> ResolveAsync(IncidentListQuery list, string incident, CancellationToken ct) =>
        await list.ResolveAsync(incident, ct) ?? throw new IncidentNotFoundException();

    internal static string ETag(int version) => $"\"{version}\"";

    private static string PageLink(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
