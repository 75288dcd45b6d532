using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

/// <summary>
/// Publishing queues ONE fan-out message with the notice, in the publishing unit of work: publishing stays fast however
/// many subscribers there are, and the notice cannot be lost. The fan-out then queues one mail per matching confirmed
/// subscriber and one webhook delivery per matching webhook subscriber in a single transaction, each delivered (and
/// retried) on its own by the e-mail and status-webhook handlers.
/// </summary>
public sealed class SubscriberNoticeHook : IStatusNoticeHook
{
    public async Task BeforeSaveAsync(AppDbContext db, StatusNotice notice, CancellationToken ct)
    {
        if (await db.StatusSubscribers.AnyAsync(s => s.ConfirmedAt != null, ct) || await db.StatusWebhookSubscribers.AnyAsync(ct))
            Outbox.Enqueue(db, SubscriberFanOutHandler.OutboxKind, notice, notice.At);
    }
}

/// <summary>Expands a fan-out message into per-subscriber mails. Subscribers who left meanwhile get nothing.</summary>
public sealed class SubscriberFanOutHandler(IDbContextFactory<AppDbContext> dbFactory, SubscriberMails mails, TimeProvider clock,
    ILogger<SubscriberFanOutHandler> logger) : IOutboxHandler
{
    public const string OutboxKind = "status-subscribers";

    public string Kind => OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var notice = message.PayloadAs<StatusNotice>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.StatusComponents.Where(c => notice.ComponentIds.Contains(c.Id) && c.IsVisible)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        var subscribers = await db.StatusSubscribers.AsNoTracking().Include(s => s.Components)
            .Where(s => s.ConfirmedAt != null).OrderBy(s => s.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var subscriber in subscribers.Where(s => s.Covers(notice.ComponentIds)))
        {
            mails.QueueNotice(db, subscriber, notice, names, now);
            count++;
        }
        var webhooks = await db.StatusWebhookSubscribers.AsNoTracking().Include(s => s.Components).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var webhook in webhooks.Where(s => s.Covers(notice.ComponentIds)))
        {
            Outbox.Enqueue(db, StatusWebhookSender.OutboxKind, new StatusWebhookDispatch(webhook.Id, notice, names), now);
            count++;
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Status notice {Title} queued for {Count} subscribers", notice.Title, count);
    }
}
