using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reports.Digest;
using IncidentPortal.Features.Time;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Notifications;

/// <summary>One line of the preferences page: where notifications of one kind reach the user.</summary>
public sealed record NotificationChoice(NotificationKind Kind, bool InApp, bool Email);

/// <param name="EmailConfirmed">Mail only goes to confirmed addresses; the page says so when it is not.</param>
/// <param name="Digest">The weekly Reports digest; null for people who cannot have it (only incident managers and admins can).</param>
public sealed record NotificationChoices(IReadOnlyList<NotificationChoice> Choices, string? Email, bool EmailConfirmed, DigestChoice? Digest = null);

/// <param name="On">Off until the person switches it on.</param>
/// <param name="TimeZone">The zone the digest's days and send time are read in: the person's own (UTC without one).</param>
/// <param name="NextAt">When the next one goes out (UTC), while it is on.</param>
public sealed record DigestChoice(bool On, TimeZoneInfo TimeZone, DateTime? NextAt);

/// <summary>
/// Reads and saves a user's own notification preferences. Only choices that differ from <see cref="NotificationDefaults"/>
/// are stored, so a user who never chose anything follows the defaults as they evolve.
/// </summary>
public sealed class NotificationPreferences(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<NotificationChoices> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.Email, u.EmailConfirmed, u.TimeZoneId }).SingleOrDefaultAsync(ct) ?? throw new UnauthorizedAccessException("Sign in first.");
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
        var choices = NotificationKinds.For(actor.IsStaff).Select(kind => stored.TryGetValue(kind, out var p)
            ? new NotificationChoice(kind, p.InApp, p.Email)
            : new NotificationChoice(kind, NotificationDefaults.InApp(kind), NotificationDefaults.Email(kind))).ToList();
        return new NotificationChoices(choices, user.Email, user.EmailConfirmed,
            DigestSchedule.IsFor(actor) ? await DigestAsync(db, actor, TimeZones.OrUtc(user.TimeZoneId), ct) : null);
    }

    private async Task<DigestChoice> DigestAsync(AppDbContext db, Actor actor, TimeZoneInfo zone, CancellationToken ct)
    {
        var row = await db.ReportDigestSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == actor.UserId, ct);
        return new DigestChoice(row is not null, zone,
            row is null ? null : DigestSchedule.NextSendUtc(clock.GetUtcNow().UtcDateTime, zone, row.SubscribedAt, row.LastSentWeek));
    }

    /// <summary>Saves the actor's choices; kinds the actor cannot receive are refused and nothing changes.</summary>
    /// <param name="weeklyDigest">On or off; null leaves it as it is. Only incident managers and admins may switch it on.</param>
    public async Task SaveAsync(Actor actor, IReadOnlyCollection<NotificationChoice> choices, bool? weeklyDigest = null, CancellationToken ct = default)
    {
        var allowed = NotificationKinds.For(actor.IsStaff);
        if (choices.Any(c => !allowed.Contains(c.Kind)) || choices.DistinctBy(c => c.Kind).Count() != choices.Count)
            throw new ArgumentException("Choose only from the notification kinds listed.", nameof(choices));
        if (weeklyDigest == true && !DigestSchedule.IsFor(actor))
            throw new ArgumentException("The weekly reports digest is for incident managers and admins.", nameof(weeklyDigest));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.NotificationPreferences.Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var choice in choices)
        {
            var isDefault = choice.InApp == NotificationDefaults.InApp(choice.Kind) && choice.Email == NotificationDefaults.Email(choice.Kind);
            stored.TryGetValue(choice.Kind, out var row);
            if (isDefault)
            {
                if (row is not null) db.NotificationPreferences.Remove(row);
                continue;
            }
            if (row is null)
            {
                row = new NotificationPreference { UserId = actor.UserId, Kind = choice.Kind };
                db.NotificationPreferences.Add(row);
            }
            (row.InApp, row.Email) = (choice.InApp, choice.Email);
        }
        if (weeklyDigest is { } on)
        {
            var digest = await db.ReportDigestSubscriptions.SingleOrDefaultAsync(s => s.UserId == actor.UserId, ct);
            // Off removes the row; on again starts from now, so a week already sent (its send time is earlier) is not sent twice.
            if (on && digest is null) db.ReportDigestSubscriptions.Add(ReportDigestSubscription.Start(actor.UserId, clock.GetUtcNow().UtcDateTime));
            if (!on && digest is not null) db.ReportDigestSubscriptions.Remove(digest);
        }
        await db.SaveChangesAsync(ct);
    }
}
