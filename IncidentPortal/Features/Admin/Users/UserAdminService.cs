using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Admin.Users;

public sealed record UserSummary(string Id, string Name, string Email, IReadOnlyList<string> Roles,
    IReadOnlyList<int> TeamIds, IReadOnlyList<string> TeamNames, bool IsLockedOut, bool IsSystem, bool IsInvited = false);

public sealed record TeamOption(int Id, string Name);

/// <summary>What admins do to accounts: roles, teams, lock and unlock. Admins only (checked here as well as on the page).</summary>
public sealed class UserAdminService(IDbContextFactory<AppDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<List<UserSummary>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var users = await db.Users.AsNoTracking().Include(u => u.Teams).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return users.Select(u => new UserSummary(u.Id, u.Label, u.Email ?? "",
                Roles.All.Where(r => userRoles[u.Id].Contains(r)).ToList(),
                u.Teams.Select(t => t.Id).ToList(), u.Teams.Select(t => t.Name).Order().ToList(),
                u.LockoutEnd is { } end && end > now, SystemAccounts.IsSystem(u.Id),
                // Invited and not yet signed up: no password (system accounts have none either, and never get one).
                u.PasswordHash == null && !SystemAccounts.IsSystem(u.Id)))
            .ToList();
    }

    public async Task<List<TeamOption>> TeamsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>Sets the user's roles (Reporter is always kept) and teams. Returns an error message, or null.</summary>
    public async Task<string?> UpdateAsync(Actor actor, string userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<int> teamIds)
    {
        actor.RequireAdmin();
        if (roles.Any(r => !Roles.All.Contains(r))) return "Unknown role.";
        if (SystemAccounts.IsSystem(userId)) return SystemAccountRefusal;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.Include(u => u.Teams).SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null) return "That user no longer exists.";

        var wanted = roles.Append(Roles.Reporter).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        if (userId == actor.UserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            return "You cannot take the Admin role away from yourself; ask another admin.";

        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
            return "This is the last admin: make someone else an admin first.";

        var teams = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToListAsync();
        if (teams.Count != teamIds.Distinct().Count()) return "One of the chosen teams no longer exists.";

        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!removed.Succeeded || !added.Succeeded)
            return string.Join(" ", removed.Errors.Concat(added.Errors).Select(e => e.Description));
        user.Teams.Clear();
        user.Teams.AddRange(teams);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    public const string SystemAccountRefusal = "This is a system account, not a person: its roles, teams and lock cannot be changed.";

    /// <summary>Locks (indefinitely, and ends the user's sessions) or unlocks an account. Returns an error, or null.</summary>
    public async Task<string?> SetLockedAsync(Actor actor, string userId, bool locked)
    {
        actor.RequireAdmin();
        if (locked && userId == actor.UserId) return "You cannot lock your own account.";
        if (SystemAccounts.IsSystem(userId)) return SystemAccountRefusal;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "That user no longer exists.";
        if (locked)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        return null;
    }
}
