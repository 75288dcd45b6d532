using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Notifications;

/// <summary>A notification as the bell and the notifications page show it.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string Title, string? Body, string? Link, int? IncidentId,
    DateTime CreatedAt, bool IsRead);

public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int Total, int Unread);

/// <summary>Published when a user marks notifications read, so their other open pages (bell, list) follow.</summary>
public sealed record NotificationsRead(string UserId);

/// <summary>A user's own notifications: counting, listing, marking read. Nobody sees or touches anyone else's.</summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unread(db, actor).CountAsync(ct);
    }

    /// <param name="unreadOnly">Only what is still unread.</param>
    /// <param name="take">Newest first, at most this many.</param>
    public async Task<NotificationList> ListAsync(Actor actor, bool unreadOnly = false, int take = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = Mine(db, actor);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Body, n.Link, n.IncidentId, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NotificationList(items, await shown.CountAsync(ct), await Unread(db, actor).CountAsync(ct));
    }

    /// <summary>Marks one of the actor's notifications read; false when it is not theirs (or gone).</summary>
    public async Task<bool> MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await Mine(db, actor).AsTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return false;
        if (notification.IsRead) return true;
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new NotificationsRead(actor.UserId));
        return true;
    }

    /// <summary>Marks everything the actor has unread as read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await Unread(db, actor).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0) await events.PublishAsync(new NotificationsRead(actor.UserId));
        return marked;
    }

    private static IQueryable<Notification> Mine(AppDbContext db, Actor actor) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);

    private static IQueryable<Notification> Unread(AppDbContext db, Actor actor) => Mine(db, actor).Where(n => n.ReadAt == null);
}
