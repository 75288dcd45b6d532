using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Reports.Digest;

/// <summary>
/// Queues each opted-in manager's weekly digest in the outbox when <see cref="DigestSchedule"/> says it is due. Each one
/// is claimed with a conditional update of <see cref="ReportDigestSubscription.LastSentWeek"/> in the same transaction as
/// the outbox row, so a restart or a second app instance never queues it twice, and a crash before commit leaves it to
/// the next check.
/// </summary>
public sealed class DigestSender(IDbContextFactory<AppDbContext> dbFactory, WeeklyDigestBuilder builder, TimeProvider clock,
    IOptions<PortalOptions> portal, ILogger<DigestSender> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(10);

    private sealed record Recipient(string UserId, string Name, string Email, string? TimeZoneId, DateTime SubscribedAt, DateOnly? LastSentWeek);

    /// <summary>Queues the digests that are due; returns how many this call queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<Recipient> recipients;
        Dictionary<string, List<string>> roles;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Mail only reaches confirmed addresses of accounts that are not locked out (disabled), as for notifications.
            recipients = (await db.ReportDigestSubscriptions.AsNoTracking()
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u })
                .Where(x => x.u.Email != null && x.u.EmailConfirmed)
                .Select(x => new { x.u.LockoutEnd, Recipient = new Recipient(x.u.Id, x.u.DisplayName, x.u.Email!, x.u.TimeZoneId, x.s.SubscribedAt, x.s.LastSentWeek) })
                .ToListAsync(ct)) // SQLite cannot compare DateTimeOffset: the lockout is checked here.
                .Where(x => x.LockoutEnd is not { } end || end <= now).Select(x => x.Recipient).ToList();
            var ids = recipients.Select(r => r.UserId).ToList();
            roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, Name = r.Name ?? "" })
                .ToListAsync(ct)).GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name).ToList());
        }
        var sent = 0;
        foreach (var recipient in recipients)
        {
            var zone = TimeZones.OrUtc(recipient.TimeZoneId);
            if (DigestSchedule.DueWeek(now.UtcDateTime, zone, recipient.SubscribedAt, recipient.LastSentWeek) is not { } week) continue;
            var has = roles.GetValueOrDefault(recipient.UserId) ?? [];
            var actor = new Actor(recipient.UserId, recipient.Name, has.Contains(Roles.Agent), has.Contains(Roles.IncidentManager), has.Contains(Roles.Admin));
            // Someone who lost the role keeps the row (their choice) but gets nothing until they have it again.
            if (!DigestSchedule.IsFor(actor)) continue;
            try
            {
                if (await SendAsync(actor, recipient, week, zone, ct)) sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The weekly digest for user {UserId} could not be queued; the next check tries again.", recipient.UserId);
            }
        }
        if (sent > 0) logger.LogInformation("Queued {Count} weekly digest(s).", sent);
        return sent;
    }

    private async Task<bool> SendAsync(Actor actor, Recipient recipient, DateOnly week, TimeZoneInfo zone, CancellationToken ct)
    {
        var zoneId = TimeZones.Normalize(recipient.TimeZoneId) ?? "UTC";
        var digest = await builder.BuildAsync(actor, DigestSchedule.RangeFor(week, zoneId), ct);
        var sendAt = DigestSchedule.SendAtUtc(week, zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.ReportDigestSubscriptions
            .Where(s => s.UserId == actor.UserId && s.SubscribedAt <= sendAt && (s.LastSentWeek == null || s.LastSentWeek < week))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSentWeek, week), ct);
        if (claimed == 0) return false; // another instance got there first, or the person opted out meanwhile
        Infrastructure.Outbox.Outbox.Enqueue(db, EmailMessage.OutboxKind, DigestMail.Compose(recipient.Email, digest, portal.Value.BaseUrl),
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending the weekly digests failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
