using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

/// <summary>Times are UTC.</summary>
public sealed record MaintenanceInput(string Title, string Message, DateTime StartsAt, DateTime EndsAt, IReadOnlyCollection<int> ComponentIds);

public sealed partial class StatusService
{
    public async Task<AdminResult> ScheduleMaintenanceAsync(Actor actor, MaintenanceInput input, CancellationToken ct = default)
    {
        RequireManager(actor);
        var now = Now;
        if (MaintenanceProblem(input, now) is { } problem) return problem;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        if (input.ComponentIds.Any(id => board.Components.All(c => c.Id != id)))
            return AdminResult.Invalid(ComponentsField, "A chosen component no longer exists; reload the page and choose again.");
        var maintenance = ScheduledMaintenance.Schedule(input.Title, input.Message, input.StartsAt, input.EndsAt, input.ComponentIds, actor.UserId, now);
        board.Add(maintenance);
        if (await SaveAsync(db, ct) is { } clash) return clash;
        var notices = new List<StatusNotice> { Notice(StatusNoticeKind.MaintenanceScheduled, maintenance, now) };
        // A window that starts now starts now, not at the scheduler's next tick.
        if (maintenance.Advance(now)) notices.Add(Notice(StatusNoticeKind.MaintenanceStarted, maintenance, now));
        board.Recompute(now);
        return await CommitAsync(db, tx, notices, maintenance.Id, ct);
    }

    public async Task<AdminResult> ChangeMaintenanceAsync(Actor actor, int maintenanceId, int expectedVersion, MaintenanceInput input,
        CancellationToken ct = default)
    {
        RequireManager(actor);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        var maintenance = board.Maintenance.FirstOrDefault(m => m.Id == maintenanceId);
        if (maintenance is null) return AdminResult.Refused("This maintenance is over or cancelled and can no longer change.");
        if (maintenance.Version != expectedVersion) return Clash;
        if (MaintenanceProblem(input, now, started: maintenance.State == MaintenanceState.InProgress) is { } problem) return problem;
        if (input.ComponentIds.Any(id => board.Components.All(c => c.Id != id)))
            return AdminResult.Invalid(ComponentsField, "A chosen component no longer exists; reload the page and choose again.");
        maintenance.Change(input.Title, input.Message, input.StartsAt, input.EndsAt, input.ComponentIds, now);
        var notices = new List<StatusNotice>();
        if (maintenance.Advance(now)) notices.Add(Notice(KindFor(maintenance.State), maintenance, now));
        board.Recompute(now);
        return await CommitAsync(db, tx, notices, maintenance.Id, ct);
    }

    public async Task<AdminResult> CancelMaintenanceAsync(Actor actor, int maintenanceId, CancellationToken ct = default)
    {
        RequireManager(actor);
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        var maintenance = board.Maintenance.FirstOrDefault(m => m.Id == maintenanceId);
        if (maintenance is null) return AdminResult.Refused("This maintenance is already over or cancelled.");
        maintenance.Cancel(now);
        board.Recompute(now);
        return await CommitAsync(db, tx, [Notice(StatusNoticeKind.MaintenanceCancelled, maintenance, now)], maintenance.Id, ct);
    }

    /// <summary>
    /// Starts and ends what the clock says is due; returns how many windows moved. Each maintenance's version is its
    /// concurrency token, so when two app instances race, one saves and the other's save changes nothing (returns 0).
    /// </summary>
    public async Task<int> AdvanceMaintenanceAsync(DateTime now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ScheduledMaintenances.AnyAsync(m => (m.State == MaintenanceState.Scheduled && m.StartsAt <= now)
            || (m.State == MaintenanceState.InProgress && m.EndsAt <= now), ct);
        if (!due) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var board = await StatusBoard.LoadAsync(db, ct);
        var notices = new List<StatusNotice>();
        var moved = 0;
        foreach (var maintenance in board.Maintenance.ToList())
        {
            var before = maintenance.State;
            if (!maintenance.Advance(now)) continue;
            moved++;
            // A window the scheduler missed entirely still tells subscribers it started, then that it ended.
            if (before == MaintenanceState.Scheduled && maintenance.State == MaintenanceState.Completed)
                notices.Add(Notice(StatusNoticeKind.MaintenanceStarted, maintenance, now));
            notices.Add(Notice(KindFor(maintenance.State), maintenance, now));
        }
        board.Recompute(now);
        var result = await CommitAsync(db, tx, notices, null, ct);
        return result.Succeeded ? moved : 0;
    }

    private static StatusNoticeKind KindFor(MaintenanceState state) =>
        state == MaintenanceState.Completed ? StatusNoticeKind.MaintenanceCompleted : StatusNoticeKind.MaintenanceStarted;

    private static StatusNotice Notice(StatusNoticeKind kind, ScheduledMaintenance maintenance, DateTime now) =>
        new(kind, maintenance.Title, maintenance.Message, null, maintenance.Components.Select(c => c.ComponentId).Order().ToList(),
            null, maintenance.Id, now);

    private static AdminResult? MaintenanceProblem(MaintenanceInput input, DateTime now, bool started = false)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) return AdminResult.Invalid(TitleField, "Give the maintenance a title the public will understand.");
        if (title.Length > PublicIncident.MaxTitleLength) return AdminResult.Invalid(TitleField, $"Keep the title under {PublicIncident.MaxTitleLength} characters.");
        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0) return AdminResult.Invalid(MessageField, "Say what will happen and what people will notice.");
        if (message.Length > PublicIncident.MaxMessageLength) return AdminResult.Invalid(MessageField, $"Keep the message under {PublicIncident.MaxMessageLength} characters.");
        if (input.EndsAt <= input.StartsAt) return AdminResult.Invalid(WindowField, "The window must end after it starts.");
        if (!started && input.EndsAt <= now) return AdminResult.Invalid(WindowField, "That window is already over; choose a later end.");
        if (input.ComponentIds.Count == 0) return AdminResult.Invalid(ComponentsField, "Choose at least one component the work affects.");
        return null;
    }
}
