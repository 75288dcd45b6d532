using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Mail;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Notifications;

/// <summary>
/// Sends notifications: in-app rows and e-mails (through the outbox), each as the recipient's preferences say.
/// <see cref="AddAsync"/> writes into the caller's unit of work, so a notification exists exactly when the change that
/// caused it does; <see cref="AnnounceAsync"/> then tells open pages.
/// </summary>
public sealed class Notifier(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock,
    IOptions<PortalOptions> portal)
{
    public async Task<NotificationBatch> AddAsync(AppDbContext db, IReadOnlyCollection<string> userIds, NotificationRequest request,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Title);
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        if (ids.Count == 0) return NotificationBatch.Empty;

        var recipients = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.LockoutEnd }).ToListAsync(ct);
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Kind == request.Kind).ToDictionaryAsync(p => p.UserId, ct);
        var zones = await UserTimeZones.ForUsersAsync(db, ids, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var inApp = new List<string>();
        foreach (var user in recipients)
        {
            choices.TryGetValue(user.Id, out var choice);
            var text = InZone(request, zones.GetValueOrDefault(user.Id, TimeZoneInfo.Utc));
            if (choice?.InApp ?? NotificationDefaults.InApp(request.Kind))
            {
                db.Notifications.Add(Notification.For(user.Id, text, now));
                inApp.Add(user.Id);
            }
            // Locked-out (disabled) accounts get nothing in their mailbox; unconfirmed addresses may not be theirs.
            var disabled = user.LockoutEnd is { } end && end > clock.GetUtcNow();
            if ((choice?.Email ?? NotificationDefaults.Email(request.Kind)) && user is { Email: { } email, EmailConfirmed: true } && !disabled)
                Outbox.Enqueue(db, EmailMessage.OutboxKind, Email(email, text), now);
        }
        return new NotificationBatch(inApp, InZone(request, TimeZoneInfo.Utc));
    }

    /// <summary>Tells the recipients' open pages; call after the unit of work that <see cref="AddAsync"/> used has committed.</summary>
    public Task AnnounceAsync(NotificationBatch batch) => batch.InAppUserIds.Count == 0
        ? Task.CompletedTask
        : events.PublishAsync(new NotificationsCreated(batch.InAppUserIds, batch.Request.Kind, batch.Request.Title, batch.Request.Link,
            batch.Request.IncidentId));

    /// <summary>For notifications that stand alone (not part of another change): adds, commits and announces.</summary>
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, NotificationRequest request, CancellationToken ct = default)
    {
        NotificationBatch batch;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            batch = await AddAsync(db, userIds, request, ct);
            await db.SaveChangesAsync(ct);
        }
        await AnnounceAsync(batch);
    }

    /// <summary>The request with its times (<see cref="TimeText.Stamp"/>) written in the recipient's zone.</summary>
    private static NotificationRequest InZone(NotificationRequest request, TimeZoneInfo zone) =>
        request with { Title = TimeText.Localize(request.Title, zone), Body = request.Body is null ? null : TimeText.Localize(request.Body, zone) };

    private EmailMessage Email(string to, NotificationRequest request)
    {
        var link = request.Link is null ? null : portal.Value.BaseUrl + request.Link;
        var body = string.Join("\n\n", new[] { request.Body, link is null ? null : $"Open it: {link}",
            "You get this because of your notification preferences in IncidentPortal." }.Where(p => p is not null));
        return new EmailMessage(to, request.Title, body);
    }
}
