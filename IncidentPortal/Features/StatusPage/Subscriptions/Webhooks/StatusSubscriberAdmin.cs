using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

public sealed record EmailSubscriberRow(int Id, string Email, bool Confirmed, DateTime CreatedAt, IReadOnlyList<string> Components);
public sealed record WebhookSubscriberRow(int Id, string Url, StatusWebhookFormat Format, DateTime CreatedAt, IReadOnlyList<string> Components,
    int Delivered, int Failed, DateTime? LastAttemptAt);
public sealed record DeliveryRow(long Id, string Url, string NoticeTitle, int Attempt, DateTime At, int? StatusCode, string? Error,
    bool Succeeded, bool IsFinal, int DurationMs);
public sealed record SubscribersOverview(int ConfirmedEmails, int PendingEmails, IReadOnlyList<EmailSubscriberRow> Emails,
    IReadOnlyList<WebhookSubscriberRow> Webhooks, IReadOnlyList<DeliveryRow> Deliveries);

/// <summary>Who subscribed and how webhook deliveries went: for incident managers and admins only.</summary>
public sealed class StatusSubscriberAdmin(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int ListLimit = 200;
    public const int DeliveryLimit = 50;

    public async Task<SubscribersOverview> OverviewAsync(Actor actor, CancellationToken ct = default)
    {
        Guard(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.StatusComponents.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        IReadOnlyList<string> Names(IEnumerable<int> ids) => ids.Select(id => names.GetValueOrDefault(id, $"#{id}")).ToList();

        var emails = await db.StatusSubscribers.AsNoTracking().Include(s => s.Components)
            .OrderByDescending(s => s.Id).Take(ListLimit).ToListAsync(ct);
        var confirmed = await db.StatusSubscribers.CountAsync(s => s.ConfirmedAt != null, ct);
        var pending = await db.StatusSubscribers.CountAsync(s => s.ConfirmedAt == null, ct);
        var webhooks = await db.StatusWebhookSubscribers.AsNoTracking().Include(s => s.Components).OrderByDescending(s => s.Id).ToListAsync(ct);
        var stats = await db.StatusWebhookDeliveries.GroupBy(d => d.SubscriberId)
            .Select(g => new { g.Key, Delivered = g.Count(d => d.Succeeded), Failed = g.Count(d => !d.Succeeded), Last = g.Max(d => d.At) })
            .ToDictionaryAsync(g => g.Key, ct);
        var urls = webhooks.ToDictionary(w => w.Id, w => w.Url);
        var deliveries = await db.StatusWebhookDeliveries.AsNoTracking().OrderByDescending(d => d.Id).Take(DeliveryLimit).ToListAsync(ct);

        return new SubscribersOverview(confirmed, pending,
            emails.Select(s => new EmailSubscriberRow(s.Id, s.Email, s.IsConfirmed, s.CreatedAt, Names(s.Components.Select(c => c.ComponentId)))).ToList(),
            webhooks.Select(w => new WebhookSubscriberRow(w.Id, w.Url, w.Format, w.CreatedAt, Names(w.Components.Select(c => c.ComponentId)),
                stats.GetValueOrDefault(w.Id)?.Delivered ?? 0, stats.GetValueOrDefault(w.Id)?.Failed ?? 0, stats.GetValueOrDefault(w.Id)?.Last)).ToList(),
            deliveries.Select(d => new DeliveryRow(d.Id, urls.GetValueOrDefault(d.SubscriberId, "?"), d.NoticeTitle, d.Attempt, d.At, d.StatusCode,
                d.Error, d.Succeeded, d.IsFinal, d.DurationMs)).ToList());
    }

    /// <returns>False when it was already gone.</returns>
    public async Task<bool> RemoveEmailAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Guard(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StatusSubscribers.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
    }

    /// <returns>False when it was already gone. Its delivery log goes with it.</returns>
    public async Task<bool> RemoveWebhookAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Guard(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var webhook = await db.StatusWebhookSubscribers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (webhook is null) return false;
        db.StatusWebhookSubscribers.Remove(webhook);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Guard(Actor actor)
    {
        if (!actor.IsIncidentManager && !actor.IsAdmin)
            throw new UnauthorizedAccessException("Only incident managers and admins see status subscribers.");
    }
}
