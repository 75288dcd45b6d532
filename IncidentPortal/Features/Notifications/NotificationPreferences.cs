using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Notifications;

/// <summary>One line of the preferences page: where notifications of one kind reach the user.</summary>
public sealed record NotificationChoice(NotificationKind Kind, bool InApp, bool Email);

/// <param name="EmailConfirmed">Mail only goes to confirmed addresses; the page says so when it is not.</param>
public sealed record NotificationChoices(IReadOnlyList<NotificationChoice> Choices, string? Email, bool EmailConfirmed);

/// <summary>
/// Reads and saves a user's own notification preferences. Only choices that differ from <see cref="NotificationDefaults"/>
/// are stored, so a user who never chose anything follows the defaults as they evolve.
/// </summary>
public sealed class NotificationPreferences(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<NotificationChoices> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync(ct) ?? throw new UnauthorizedAccessException("Sign in first.");
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
        var choices = NotificationKinds.For(actor.IsStaff).Select(kind => stored.TryGetValue(kind, out var p)
            ? new NotificationChoice(kind, p.InApp, p.Email)
            : new NotificationChoice(kind, NotificationDefaults.InApp(kind), NotificationDefaults.Email(kind))).ToList();
        return new NotificationChoices(choices, user.Email, user.EmailConfirmed);
    }

    /// <summary>Saves the actor's choices; kinds the actor cannot receive are refused and nothing changes.</summary>
    public async Task SaveAsync(Actor actor, IReadOnlyCollection<NotificationChoice> choices, CancellationToken ct = default)
    {
        var allowed = NotificationKinds.For(actor.IsStaff);
        if (choices.Any(c => !allowed.Contains(c.Kind)) || choices.DistinctBy(c => c.Kind).Count() != choices.Count)
            throw new ArgumentException("Choose only from the notification kinds listed.", nameof(choices));

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
        await db.SaveChangesAsync(ct);
    }
}
