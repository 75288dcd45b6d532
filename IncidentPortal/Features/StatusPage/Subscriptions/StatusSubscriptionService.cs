using IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

public enum SubscribeOutcome { Invalid, MailSent }
public sealed record SubscribeResult(SubscribeOutcome Outcome, string? Field = null, string? Error = null);

public enum ConfirmOutcome { Confirmed, AlreadyConfirmed, Expired, Unknown }
public sealed record ConfirmResult(ConfirmOutcome Outcome, string? Email = null);

/// <summary>
/// Anonymous e-mail subscriptions to the status page. The answer to a subscription never says whether the address
/// was known (the same "check your inbox" either way), and nothing is sent to an address before it is confirmed.
/// </summary>
public sealed class StatusSubscriptionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, SubscriberMails mails,
    WebhookTargets targets)
{
    public const string EmailField = "Email";
    public const string ComponentsField = "Components";
    public const string WebhookFormatField = "WebhookFormat";
    public const string WebhookComponentsField = "WebhookComponents";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<StatusComponent>> VisibleComponentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StatusComponents.AsNoTracking().Where(c => c.IsVisible)
            .OrderBy(c => c.GroupName).ThenBy(c => c.DisplayOrder).ThenBy(c => c.Name).ToListAsync(ct);
    }

    public async Task<SubscribeResult> SubscribeAsync(string? email, IReadOnlyCollection<int> componentIds, string? ip, CancellationToken ct = default)
    {
        var address = StatusSubscriber.NormaliseEmail(email);
        if (address is null)
            return new(SubscribeOutcome.Invalid, EmailField, "Enter one e-mail address, like name@example.com.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await db.StatusComponents.Where(c => c.IsVisible).Select(c => c.Id).ToListAsync(ct);
        if (componentIds.Any(id => !visible.Contains(id)))
            return new(SubscribeOutcome.Invalid, ComponentsField, "A chosen component is no longer on the page; reload and choose again.");

        var existing = await db.StatusSubscribers.Include(s => s.Components).SingleOrDefaultAsync(s => s.Email == address, ct);
        if (existing is { IsConfirmed: true })
            // Someone else must not change what a confirmed subscriber receives; the owner hears about the attempt.
            mails.QueueAlreadySubscribed(db, existing, Now);
        else if (existing is not null)
            mails.QueueConfirmation(db, existing, existing.RestartConfirmation(componentIds, Now), Now);
        else
        {
            var (subscriber, token) = StatusSubscriber.Create(address, componentIds, ip, Now);
            db.StatusSubscribers.Add(subscriber);
            mails.QueueConfirmation(db, subscriber, token, Now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address subscribed twice at once: the other request sent the link.
        }
        return new(SubscribeOutcome.MailSent);
    }

    /// <summary>Opening the link again after confirming says so; an old unconfirmed link has expired.</summary>
    public async Task<ConfirmResult> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return new(ConfirmOutcome.Unknown);
        var hash = SubscriptionTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscriber = await db.StatusSubscribers.SingleOrDefaultAsync(s => s.ConfirmationTokenHash == hash, ct);
        if (subscriber is null) return new(ConfirmOutcome.Unknown);
        if (subscriber.IsConfirmed) return new(ConfirmOutcome.AlreadyConfirmed, subscriber.Email);
        if (subscriber.CreatedAt + StatusSubscriber.ConfirmationLifetime < Now) return new(ConfirmOutcome.Expired, subscriber.Email);
        subscriber.Confirm(Now);
        await db.SaveChangesAsync(ct);
        return new(ConfirmOutcome.Confirmed, subscriber.Email);
    }

    /// <returns>The address or webhook URL that was unsubscribed; null when the link matches no subscription (any more).</returns>
    public async Task<string?> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StatusSubscribers.SingleOrDefaultAsync(s => s.UnsubscribeToken == token, ct) is { } subscriber)
        {
            db.StatusSubscribers.Remove(subscriber);
            await db.SaveChangesAsync(ct);
            return subscriber.Email;
        }
        if (await db.StatusWebhookSubscribers.SingleOrDefaultAsync(s => s.UnsubscribeToken == token, ct) is { } webhook)
        {
            db.StatusWebhookSubscribers.Remove(webhook);
            await db.SaveChangesAsync(ct);
            return webhook.Url;
        }
        return null;
    }

    /// <returns>The e-mail address or webhook URL the unsubscribe link belongs to.</returns>
    public async Task<string?> FindByUnsubscribeTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StatusSubscribers.Where(s => s.UnsubscribeToken == token).Select(s => s.Email).SingleOrDefaultAsync(ct)
            ?? await db.StatusWebhookSubscribers.Where(s => s.UnsubscribeToken == token).Select(s => s.Url).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Webhooks are active at once (no inbox to confirm from), so the target must pass <see cref="WebhookTargets"/>;
    /// the answer carries the unsubscribe token, shown once.
    /// </summary>
    public async Task<WebhookSubscribeResult> SubscribeWebhookAsync(string? url, string? format, IReadOnlyCollection<int> componentIds,
        string? ip, CancellationToken ct = default)
    {
        if (!Enum.TryParse<StatusWebhookFormat>(format, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen))
            return new(WebhookFormatField, "Choose a message format.");
        var (target, error) = await targets.CheckAsync(url, ct);
        if (target is null) return new(WebhookTargets.UrlField, error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = await db.StatusComponents.Where(c => c.IsVisible).Select(c => c.Id).ToListAsync(ct);
        if (componentIds.Any(id => !visible.Contains(id)))
            return new(WebhookComponentsField, "A chosen component is no longer on the page; reload and choose again.");
        var subscriber = StatusWebhookSubscriber.Create(target, chosen, componentIds, ip, Now);
        db.StatusWebhookSubscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        return new(null, null, subscriber.UnsubscribeToken);
    }
}

public sealed record WebhookSubscribeResult(string? Field, string? Error, string? UnsubscribeToken = null)
{
    public bool Succeeded => UnsubscribeToken is not null;
}
