using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.ActionItems;

/// <summary>
/// Adds and changes action items. Staff only (reporters learn nothing, not even that items exist). A new owner is
/// notified in the same unit of work; after commit <see cref="ActionItemChanged"/> tells open lists.
/// </summary>
public sealed partial class ActionItemService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, Notifier notifier, TimeProvider clock)
{
    public Task<ActionItemRow> CreateAsync(Actor actor, int incidentId, int? reviewId, ActionItemInput input, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, ct) ?? throw new IncidentNotFoundException();
            // The foreign key only knows the review exists; it must also be this incident's.
            if (reviewId is { } review && !await db.IncidentReviews.AnyAsync(r => r.Id == review && r.IncidentId == incident.Id, ct))
                throw new ActionItemRuleException("That review is not this incident's review.");
            var item = ActionItem.Create(incident.Id, reviewId, input, await TeamAsync(db, input.TeamId, ct), actor.UserId, now);
            db.ActionItems.Add(item);
            return (item, null);
        }, ct);

    /// <param name="expectedVersion">The version the editor showed: changes made since are not overwritten.</param>
    public Task<ActionItemRow> EditAsync(Actor actor, int itemId, int expectedVersion, ActionItemInput input, ActionItemStatus status,
        CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var item = await LoadAsync(db, itemId, expectedVersion, ct);
            var ownerBefore = item.OwnerId;
            var fieldsChange = item.Differs(input);
            if (!fieldsChange && status == item.Status) throw new ActionItemRuleException("There are no changes to save.");
            if (ActionItem.IsOpenStatus(status) && !item.IsOpen) item.MoveTo(status, now);
            if (fieldsChange) item.Edit(input, await TeamAsync(db, input.TeamId, ct), now);
            if (status != item.Status) item.MoveTo(status, now);
            return (item, ownerBefore);
        }, ct);

    /// <summary>Moves an item to a status; allowed on read-only (published) reviews too.</summary>
    public Task<ActionItemRow> SetStatusAsync(Actor actor, int itemId, int? expectedVersion, ActionItemStatus status, CancellationToken ct = default) =>
        SaveAsync(actor, async (db, now) =>
        {
            var item = await LoadAsync(db, itemId, expectedVersion, ct);
            item.MoveTo(status, now);
            return (item, item.OwnerId);
        }, ct);

    private async Task<ActionItemRow> SaveAsync(Actor actor, Func<AppDbContext, DateTime, Task<(ActionItem Item, string? OwnerBefore)>> change,
        CancellationToken ct)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, ownerBefore) = await change(db, Now);
        var isNew = item.Id == 0;
        NotificationBatch? batch = null;
        if (item.OwnerId is { } owner && owner != ownerBefore && owner != actor.UserId && item.IsOpen)
        {
            var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == item.IncidentId).Select(i => new { i.Number, i.Title }).SingleAsync(ct);
            var reference = Incident.FormatReference(incident.Number);
            batch = await notifier.AddAsync(db, [owner], new NotificationRequest(NotificationKind.ActionItem,
                $"Action item for you: {item.Title}",
                $"{actor.Name} gave you an action item from {reference} {incident.Title}, due {(item.DueDate is { } due ? Time.TimeText.Date(DateOnly.FromDateTime(due)) : "not set")}.",
                "/action-items", item.IncidentId), ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ActionItemConflictException();
        }
        await events.PublishAsync(new ActionItemChanged(item.Id, item.IncidentId, item.ReviewId, item.OwnerId,
            isNew || ownerBefore == item.OwnerId ? null : ownerBefore, item.Status));
        if (batch is not null) await notifier.AnnounceAsync(batch);
        return await Rows(db, db.ActionItems.Where(a => a.Id == item.Id)).SingleAsync(ct);
    }

    private static async Task<ActionItem> LoadAsync(AppDbContext db, int itemId, int? expectedVersion, CancellationToken ct)
    {
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == itemId, ct) ?? throw new ActionItemNotFoundException();
        if (expectedVersion is { } expected && expected != item.Version) throw new ActionItemConflictException();
        return item;
    }

    private static async Task<ActionItemTeam?> TeamAsync(AppDbContext db, int? teamId, CancellationToken ct)
    {
        if (teamId is not { } id) return null;
        var team = await db.Teams.Where(t => t.Id == id)
            .Select(t => new { t.Id, t.Name, Members = t.Members.Select(m => m.Id).ToList() }).SingleOrDefaultAsync(ct);
        return team is null ? null : new ActionItemTeam(team.Id, team.Name, team.Members);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void EnsureStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new ActionItemNotFoundException();
    }

    /// <summary>The all-items view and the overdue report are for incident managers (and admins).</summary>
    private static void EnsureManager(Actor actor)
    {
        if (!actor.IsIncidentManager && !actor.IsAdmin) throw new ActionItemNotFoundException();
    }
}
