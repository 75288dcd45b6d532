using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Routing;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

/// <summary>Logs incidents and applies changes to them, with authorization, concurrency checks and events.</summary>
public sealed partial class IncidentService(IDbContextFactory<AppDbContext> dbFactory, PriorityMatrixService matrices,
    IEventBus events, TimeProvider clock, IEnumerable<IIncidentSaveHook>? saveHooks = null)
{
    private readonly IIncidentSaveHook[] hooks = saveHooks?.ToArray() ?? [];

    /// <summary>Logs an incident. An agent may log it for someone else (<paramref name="reporterId"/>).</summary>
    public Task<Incident> ReportAsync(Actor actor, IncidentDraft draft, string? reporterId = null, CancellationToken ct = default) =>
        ReportAsync(actor, draft, reporterId, null, ct);

    /// <summary>
    /// As above; <paramref name="sameTransaction"/> runs once the incident has its id, in its transaction (a feature's own
    /// rows, e.g. a major incident declared with it). It may throw to refuse the report: then nothing is stored.
    /// </summary>
    public async Task<Incident> ReportAsync(Actor actor, IncidentDraft draft, string? reporterId,
        Func<AppDbContext, Incident, ChangeContext, CancellationToken, Task>? sameTransaction, CancellationToken ct = default)
    {
        reporterId ??= actor.UserId;
        if (reporterId != actor.UserId && !actor.IsStaff) throw new UnauthorizedAccessException("Only agents can log incidents for someone else.");
        var matrix = await matrices.CurrentAsync(ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Named<int>? supportTeam = null;
        if (draft.ServiceId is { } serviceId)
        {
            var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId && s.IsActive)
                .Select(s => new { s.SupportTeamId, Team = db.Teams.Where(t => t.Id == s.SupportTeamId).Select(t => t.Name).FirstOrDefault() })
                .SingleOrDefaultAsync(ct) ?? throw new IncidentRuleException("Choose a service from the list.");
            if (service is { SupportTeamId: { } teamId, Team: { } teamName }) supportTeam = new Named<int>(teamId, teamName);
        }
        if (draft.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId && c.IsActive && (c.Parent == null || c.Parent.IsActive), ct))
            throw new IncidentRuleException("Choose a category from the list.");
        if (!await db.Users.AnyAsync(u => u.Id == reporterId, ct)) throw new IncidentRuleException("Choose the caller from the list.");

        var by = new ChangeContext(actor.UserId, Now, actor.IsStaff);
        Incident incident;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var number = await IncidentNumbers.NextAsync(db, ct);
            // Routing rules first; without a match the service's support team takes it.
            var route = await IncidentRouter.DecideAsync(db, draft, matrix.PriorityFor(draft.Impact, draft.Urgency), supportTeam, ct);
            incident = Incident.Report(number, draft, reporterId, by, matrix, route.Team, route.Note);
            if (route is { RaiseTo: { } floor, RaiseReason: { } why }) incident.RaisePriority(by with { ActorId = null, ActorIsAgent = false }, floor, why);
            db.Incidents.Add(incident);
            // The incident needs its id before hooks add rows that point at it; the transaction keeps it all-or-nothing.
            await db.SaveChangesAsync(ct);
            if (sameTransaction is not null) await sameTransaction(db, incident, by, ct);
            await RunSaveHooksAsync(db, incident, incident.Activities.ToList(), isNew: true, by, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await events.PublishAsync(new IncidentCreated(incident.Id, incident.Number, incident.Version, actor.UserId, actor.Name,
            incident.ReporterId, incident.AssignmentGroupId, incident.AssigneeId, incident.Status));
        return incident;
    }

    /// <summary>
    /// Applies <paramref name="command"/>. With <paramref name="expectedVersion"/>, refuses to overwrite changes
    /// made since that version (<see cref="IncidentConflictException"/> lists them).
    /// </summary>
    public Task<IncidentUpdated> ChangeAsync(Actor actor, int incidentId, int? expectedVersion, IncidentCommand command,
        CancellationToken ct = default) => command is ResolveIncident { Code: ResolutionCode.Duplicate } duplicate
            ? MarkDuplicateAsync(actor, incidentId, duplicate.DuplicateOf, expectedVersion, ct)
            : ChangeAsync(actor, incidentId, expectedVersion, command, null, ct);

    /// <summary>
    /// As above; <paramref name="sameTransaction"/> then runs after the command, in its unit of work (a feature's own
    /// rows, e.g. an escalation record and its notifications), on every attempt. It may throw to refuse the change.
    /// </summary>
    public async Task<IncidentUpdated> ChangeAsync(Actor actor, int incidentId, int? expectedVersion, IncidentCommand command,
        Func<AppDbContext, Incident, ChangeContext, CancellationToken, Task>? sameTransaction, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeOnceAsync(actor, incidentId, expectedVersion, command, sameTransaction, ct);
            }
            // Without an expected version the caller accepts whatever came first (a comment, a status move): when
            // another save wins the race, the command is simply applied again to the fresh incident, rules included.
            catch (IncidentConflictException) when (expectedVersion is null && attempt < MaxAttempts)
            {
            }
        }
    }

    /// <summary>A loss means another save committed, so this many simultaneous writers always get through.</summary>
    private const int MaxAttempts = 4;

    private async Task<IncidentUpdated> ChangeOnceAsync(Actor actor, int incidentId, int? expectedVersion, IncidentCommand command,
        Func<AppDbContext, Incident, ChangeContext, CancellationToken, Task>? sameTransaction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents
            .Include(i => i.Service).Include(i => i.Category).ThenInclude(c => c!.Parent)
            .Include(i => i.AssignmentGroup).Include(i => i.Assignee)
            .SingleOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null || !MayChange(actor, incident, command)) throw new IncidentNotFoundException();
        if (expectedVersion is { } expected && expected != incident.Version)
            throw new IncidentConflictException(await MissedChangesAsync(db, incidentId, expected, ct));

        var before = (incident.AssignmentGroupId, incident.AssigneeId, incident.Version);
        var firstNew = incident.Activities.Count;
        var by = new ChangeContext(actor.UserId, Now, actor.IsStaff);
        await ApplyAsync(db, incident, by, command, ct);
        if (sameTransaction is not null) await sameTransaction(db, incident, by, ct);
        await RunSaveHooksAsync(db, incident, incident.Activities.Skip(firstNew).ToList(), isNew: false, by, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new IncidentConflictException(await MissedChangesAsync(db, incidentId, before.Version, ct));
        }

        var updated = Updated(incident, actor.UserId, actor.Name, incident.Activities.Skip(firstNew).ToList(),
            before.AssignmentGroupId, before.AssigneeId);
        await events.PublishAsync(updated);
        return updated;
    }

    private static IncidentUpdated Updated(Incident incident, string? actorId, string actorName, List<IncidentActivity> recorded,
        int? teamBefore, string? assigneeBefore) =>
        new(incident.Id, incident.Number, incident.Version, actorId, actorName,
            incident.ReporterId, incident.AssignmentGroupId, incident.AssigneeId, incident.Status,
            recorded.Select(ActivityText.Summary).ToList(), recorded.Any(a => a.IsPublic),
            teamBefore != incident.AssignmentGroupId ? teamBefore : null,
            assigneeBefore != incident.AssigneeId ? assigneeBefore : null);

    /// <summary>Staff may do anything; a reporter may only comment publicly on, and reopen, their own incident.</summary>
    private static bool MayChange(Actor actor, Incident incident, IncidentCommand command) =>
        actor.IsStaff || (incident.ReporterId == actor.UserId && command is AddComment { IsPublic: true } or ReopenIncident);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<IReadOnlyList<string>> MissedChangesAsync(AppDbContext db, int incidentId, int sinceVersion, CancellationToken ct)
    {
        var missed = await db.IncidentActivities.AsNoTracking()
            .Where(a => a.IncidentId == incidentId && a.IncidentVersion > sinceVersion)
            .OrderBy(a => a.Id)
            .Select(a => new { Activity = a, Actor = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return missed.Select(m => $"{m.Actor ?? "System"}: {ActivityText.Summary(m.Activity)}").ToList();
    }
}
