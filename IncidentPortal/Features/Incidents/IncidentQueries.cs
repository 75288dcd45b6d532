using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>Reads incidents for pages, showing each actor only what they may see.</summary>
public sealed class IncidentQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Staff see everything; the reporter sees the public view of their own incident; anyone else nothing.</summary>
    public async Task<IncidentDetails> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.Incidents.AsNoTracking()
            .Include(x => x.Service).Include(x => x.Category).ThenInclude(c => c!.Parent)
            .Include(x => x.AssignmentGroup).Include(x => x.Assignee).Include(x => x.Reporter)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) throw new IncidentNotFoundException();
        // The reporter of a duplicate follows the original: its public parts, without the other reporter's own words.
        // So does a colleague the reporter added as a watcher.
        var follower = !actor.IsStaff && i.ReporterId != actor.UserId
            && (await db.Incidents.AnyAsync(d => d.DuplicateOfId == id && d.ReporterId == actor.UserId, ct)
                || await db.IncidentWatchers.AnyAsync(w => w.IncidentId == id && w.UserId == actor.UserId, ct));
        if (!(actor.IsStaff || i.ReporterId == actor.UserId || follower)) throw new IncidentNotFoundException();
        var internalView = actor.IsStaff;

        var timeline = await db.IncidentActivities.AsNoTracking()
            .Where(a => a.IncidentId == id && (internalView || a.IsPublic))
            .OrderBy(a => a.Id)
            .Select(a => new { Activity = a, Actor = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var loggedBy = i.LoggedById is null ? null
            : await db.Users.Where(u => u.Id == i.LoggedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

        return new IncidentDetails(i.Id, i.Number, i.Version, i.Title, follower ? "" : i.Description, i.Status,
            i.Impact, i.Urgency, i.Priority, internalView ? i.PriorityOverrideReason : null, i.Source,
            i.ServiceId, i.Service?.Name, i.CategoryId, i.Category?.FullName,
            i.AssignmentGroupId, i.AssignmentGroup?.Name, i.AssigneeId, i.Assignee?.Label,
            follower ? "" : i.ReporterId, follower ? "" : i.Reporter?.Label ?? "", internalView ? i.Reporter?.Email : null, follower ? null : loggedBy,
            i.OnHoldReason, i.ResolutionCode, i.ResolutionNotes, i.Workaround, i.CancelReason,
            i.CreatedAt, i.UpdatedAt, i.FirstResponseAt, i.ResolvedAt, i.ClosedAt, i.ReopenCount,
            timeline.Select(t => new TimelineEntry(t.Activity.Id, t.Activity.At, t.Actor ?? "System", t.Activity.Kind,
                ActivityText.Summary(t.Activity), t.Activity.Text, t.Activity.IsPublic)
            { Version = t.Activity.IncidentVersion }).ToList())
        { ViewerFollows = follower };
    }

    public async Task<List<IncidentRow>> ListReportedByAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Incidents.Where(i => i.ReporterId == actor.UserId).OrderByDescending(i => i.CreatedAt))
            .ToListAsync(ct);
    }

    internal static IQueryable<IncidentRow> Rows(IQueryable<Incident> incidents) =>
        incidents.Select(i => new IncidentRow(i.Id, i.Number, i.Title, i.Status, i.Priority,
            i.Service!.Name, i.AssignmentGroup!.Name, i.Assignee!.DisplayName, i.Reporter!.DisplayName, i.CreatedAt, i.UpdatedAt)
        { TeamId = i.AssignmentGroupId, AssigneeId = i.AssigneeId, Version = i.Version });
}
