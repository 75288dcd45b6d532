using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Teams;

public sealed partial class TeamAdminService
{
    /// <summary>Everyone, with their roles, split into the team's members and the staff who could join it.</summary>
    public async Task<(List<TeamMember> Members, List<TeamMember> Candidates)> MembersAsync(Actor actor, int teamId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var memberIds = (await db.Teams.Where(t => t.Id == teamId).SelectMany(t => t.Members.Select(m => m.Id)).ToListAsync(ct)).ToHashSet();
        var people = await PeopleAsync(db, memberIds, ct);
        return (people.Where(p => memberIds.Contains(p.UserId)).ToList(),
                people.Where(p => !memberIds.Contains(p.UserId) && p.IsStaff && !SystemAccounts.IsSystem(p.UserId)).ToList());
    }

    /// <summary>Adds a staff member to the team. Reporters are refused: only staff can be assigned incidents.</summary>
    public async Task<AdminResult> AddMemberAsync(Actor actor, int teamId, string userId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return Gone;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminResult.Invalid(MemberField, "Choose a person from the list.");
        if (SystemAccounts.IsSystem(user.Id)) return AdminResult.Invalid(MemberField, $"{user.Label} is a system account, not a person: it cannot join a team.");
        if (team.Members.Any(m => m.Id == userId)) return AdminResult.Invalid(MemberField, $"{user.Label} is already in {team.Name}.");
        if (!await db.UserRoles.AnyAsync(ur => ur.UserId == userId && StaffRoleIds(db).Contains(ur.RoleId), ct))
            return AdminResult.Invalid(MemberField, $"{user.Label} is not an agent. Give them the Agent role on the Users page first.");
        team.Members.Add(user);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(teamId);
    }

    /// <summary>
    /// Removes a member. Their open incidents of this team stay assigned to them (work in flight is not dropped
    /// silently); the result's notice says how many, so the admin can reassign them.
    /// </summary>
    public async Task<AdminResult> RemoveMemberAsync(Actor actor, int teamId, string userId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return Gone;
        var user = team.Members.SingleOrDefault(m => m.Id == userId);
        if (user is null) return AdminResult.Refused("That person is no longer in the team.");
        team.Members.Remove(user);
        await db.SaveChangesAsync(ct);
        var stillAssigned = await db.Incidents.CountAsync(i => i.AssignmentGroupId == teamId && i.AssigneeId == userId
            && IncidentLifecycle.OpenStatuses.Contains(i.Status), ct);
        return AdminResult.Done(teamId, stillAssigned == 0 ? null
            : $"{user.Label} still has {Plural(stillAssigned, "open incident")} of {team.Name} assigned; reassign them from the queue.");
    }

    public const string MemberField = "Member";

    private static IQueryable<string> StaffRoleIds(AppDbContext db) =>
        db.Roles.Where(r => r.Name != Roles.Reporter).Select(r => r.Id);

    /// <summary>The given users and all staff, with their roles: never the whole (possibly large) reporter base.</summary>
    private static async Task<List<TeamMember>> PeopleAsync(AppDbContext db, IReadOnlyCollection<string> alsoUserIds, CancellationToken ct)
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var staffIds = db.UserRoles.Where(ur => StaffRoleIds(db).Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => alsoUserIds.Contains(u.Id) || staffIds.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var userRoles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).ToListAsync(ct))
            .ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        return users.Select(u => new TeamMember(u.Id, u.Label, u.Email ?? "",
                Roles.All.Where(r => r == Roles.Reporter || userRoles[u.Id].Contains(r)).ToList()))
            .ToList();
    }
}
