using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Api.Incidents;

public enum ApiIncidentSort { Created, Updated, Priority, Reference }

public enum ApiSortOrder { Desc, Asc }

/// <summary>The query string of <c>GET /api/v1/incidents</c>. Every filter is optional; several narrow together.</summary>
public sealed class IncidentListParameters
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [Description("Only these statuses (repeat for several: status=New&status=Assigned).")]
    [FromQuery(Name = "status")]
    public IncidentStatus[]? Status { get; set; }
    [Description("true: only open incidents (New, Assigned, In progress, On hold); false: only resolved, closed or cancelled ones.")]
    [FromQuery(Name = "open")]
    public bool? Open { get; set; }
    [Description("Only these priorities (repeat for several).")]
    [FromQuery(Name = "priority")]
    public Priority[]? Priority { get; set; }
    [Description("Assignment group (team id).")]
    [FromQuery(Name = "team")]
    public int? Team { get; set; }
    [Description("Assignee: a user id, 'me', or 'none' for unassigned.")]
    [FromQuery(Name = "assignee")]
    public string? Assignee { get; set; }
    [Description("Affected service id.")]
    [FromQuery(Name = "service")]
    public int? Service { get; set; }
    [Description("Category id; a parent category also matches its subcategories.")]
    [FromQuery(Name = "category")]
    public int? Category { get; set; }
    [Description("Words that must all appear in the title or description, or a reference (INC-000123).")]
    [FromQuery(Name = "q")]
    public string? Q { get; set; }
    [Description("true: only incidents you reported (reporters only ever see their own).")]
    [FromQuery(Name = "reportedByMe")]
    public bool? ReportedByMe { get; set; }
    [Description("Sort key: created (default), updated, priority or reference.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }
    [Description("Sort order: desc (default: newest or most urgent first) or asc.")]
    [FromQuery(Name = "order")]
    public string? Order { get; set; }
    [Description("Page number, from 1.")]
    [FromQuery(Name = "page")]
    public int? Page { get; set; }
    [Description("Incidents per page, 1 to 200 (default 25).")]
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }
}

/// <summary>
/// Lists the incidents a caller may see, with any status (the agents' queue is open work only). Visibility is the
/// incident page's rule (<see cref="IncidentQueries.GetAsync"/>): staff see all, anyone else their own reports.
/// Search and row shape are the queue's own (<see cref="QueueSearch"/>, <see cref="IncidentQueries.Rows"/>).
/// </summary>
public sealed class IncidentListQuery(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<IncidentRow> Rows, int Total)> ListAsync(Actor actor, IncidentListParameters p, int page, int pageSize,
        ApiIncidentSort sort, ApiSortOrder order, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incidents = db.Incidents.AsNoTracking();
        if (!actor.IsStaff || p.ReportedByMe == true) incidents = incidents.Where(i => i.ReporterId == actor.UserId);
        if (p.Status is { Length: > 0 } statuses) incidents = incidents.Where(i => statuses.Contains(i.Status));
        if (p.Open is { } open)
        {
            var openStatuses = IncidentLifecycle.OpenStatuses;
            incidents = open ? incidents.Where(i => openStatuses.Contains(i.Status)) : incidents.Where(i => !openStatuses.Contains(i.Status));
        }
        if (p.Priority is { Length: > 0 } priorities) incidents = incidents.Where(i => priorities.Contains(i.Priority));
        if (p.Team is { } team) incidents = incidents.Where(i => i.AssignmentGroupId == team);
        if (p.Service is { } service) incidents = incidents.Where(i => i.ServiceId == service);
        incidents = p.Assignee?.Trim() switch
        {
            null or "" => incidents,
            "none" => incidents.Where(i => i.AssigneeId == null),
            "me" => incidents.Where(i => i.AssigneeId == actor.UserId),
            var userId => incidents.Where(i => i.AssigneeId == userId),
        };
        if (p.Category is { } category)
        {
            var family = await db.Categories.Where(c => c.Id == category || c.ParentId == category).Select(c => (int?)c.Id).ToListAsync(ct);
            incidents = incidents.Where(i => family.Contains(i.CategoryId));
        }
        incidents = QueueSearch.Apply(incidents, p.Q, caseSensitiveLike: !db.Database.IsSqlite());

        var total = await incidents.CountAsync(ct);
        var sorted = Sort(incidents, sort, order == ApiSortOrder.Desc);
        var rows = await IncidentQueries.Rows(sorted.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Always ends on Id, so pages are stable when timestamps tie.</summary>
    private static IQueryable<Incident> Sort(IQueryable<Incident> incidents, ApiIncidentSort sort, bool descending) => (sort, descending) switch
    {
        (ApiIncidentSort.Priority, true) => incidents.OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id),
        (ApiIncidentSort.Priority, false) => incidents.OrderByDescending(i => i.Priority).ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (ApiIncidentSort.Updated, true) => incidents.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
        (ApiIncidentSort.Updated, false) => incidents.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
        (ApiIncidentSort.Reference, true) => incidents.OrderByDescending(i => i.Number),
        (ApiIncidentSort.Reference, false) => incidents.OrderBy(i => i.Number),
        (_, true) => incidents.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        (_, false) => incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
    };

    /// <summary>The id of the incident with this id or reference ("INC-000123", "#123"), if it exists; visibility is checked by the caller.</summary>
    public async Task<int?> ResolveAsync(string idOrReference, CancellationToken ct = default)
    {
        if (int.TryParse(idOrReference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return id;
        if (QueueSearch.ReferenceNumber(idOrReference) is not { } number) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.Where(i => i.Number == number).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
    }
}
