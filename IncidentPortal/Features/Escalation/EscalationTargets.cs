using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>A person to notify, with the name the timeline gives them.</summary>
public sealed record Recipient(string UserId, string Name);

/// <summary>Who an escalation reaches. Only staff (a reporter in a team is not on call) and never disabled accounts.</summary>
internal static class EscalationTargets
{
    public static async Task<List<Recipient>> StepAsync(AppDbContext db, EscalationStep step, DateTimeOffset now, CancellationToken ct)
    {
        var userIds = step.Targets.Where(t => t.UserId != null).Select(t => t.UserId!).ToList();
        var teamIds = step.Targets.Where(t => t.TeamId != null).Select(t => t.TeamId!.Value).ToList();
        return await ActiveAsync(Staff(db).Where(u => userIds.Contains(u.Id) || u.Teams.Any(t => teamIds.Contains(t.Id))), now, ct);
    }

    public static async Task<List<Recipient>> TeamAsync(AppDbContext db, int teamId, DateTimeOffset now, CancellationToken ct) =>
        await ActiveAsync(Staff(db).Where(u => u.Teams.Any(t => t.Id == teamId)), now, ct);

    public static async Task<List<Recipient>> LeadAsync(AppDbContext db, int? teamId, DateTimeOffset now, CancellationToken ct)
    {
        var leadId = await db.TeamEscalations.Where(t => t.TeamId == teamId).Select(t => t.LeadUserId).FirstOrDefaultAsync(ct);
        return leadId is null ? [] : await ActiveAsync(Staff(db).Where(u => u.Id == leadId), now, ct);
    }

    public static async Task<List<Recipient>> IncidentManagersAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.IncidentManager).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var ids = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        return await ActiveAsync(Staff(db).Where(u => ids.Contains(u.Id)), now, ct);
    }

    private static IQueryable<ApplicationUser> Staff(AppDbContext db)
    {
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin).Select(r => r.Id);
        var staff = db.UserRoles.Where(ur => staffRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => staff.Contains(u.Id));
    }

    /// <summary>Drops locked accounts (admins disable people by locking them out); compared here, SQLite cannot compare offsets.</summary>
    private static async Task<List<Recipient>> ActiveAsync(IQueryable<ApplicationUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var found = await users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
        return found.Where(u => u.LockoutEnd is not { } end || end <= now).Select(u => new Recipient(u.Id, u.DisplayName)).ToList();
    }

    public static string Names(IReadOnlyCollection<Recipient> recipients) => recipients.Count switch
    {
        0 => "nobody (no one to reach)",
        <= 4 => string.Join(", ", recipients.Select(r => r.Name)),
        _ => string.Join(", ", recipients.Take(3).Select(r => r.Name)) + $" and {recipients.Count - 3} more",
    };
}
