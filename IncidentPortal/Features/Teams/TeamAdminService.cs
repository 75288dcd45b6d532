using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Teams;

public sealed record TeamRow(int Id, string Name, string Description, int MemberCount, int OpenIncidentCount,
    int IncidentCount, int ServiceCount);

public sealed record TeamInput(string Name, string Description);

/// <summary>A user as a team's member list shows them; <see cref="IsStaff"/> says whether they can work incidents.</summary>
public sealed record TeamMember(string UserId, string Name, string Email, IReadOnlyList<string> Roles)
{
    public bool IsStaff => Roles.Any(r => r != Accounts.Roles.Reporter);
}

/// <summary>What admins do to teams (assignment groups): create, edit, delete unused ones, and manage members.</summary>
public sealed partial class TeamAdminService(IDbContextFactory<AppDbContext> dbFactory, IncidentService incidents)
{
    public const string NameField = "Name";
    public const string DescriptionField = "Description";

    public async Task<List<TeamRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.Description, t.Members.Count,
                db.Incidents.Count(i => i.AssignmentGroupId == t.Id && IncidentLifecycle.OpenStatuses.Contains(i.Status)),
                db.Incidents.Count(i => i.AssignmentGroupId == t.Id),
                db.Services.Count(s => s.SupportTeamId == t.Id)))
            .ToListAsync(ct);
    }

    public async Task<AdminResult> CreateAsync(Actor actor, TeamInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, null, input, ct) is { } problem) return problem;
        var team = new Team { Name = ReferenceNames.Clean(input.Name), Description = ReferenceNames.Clean(input.Description) };
        db.Teams.Add(team);
        return await SaveAsync(db, team, ct);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int teamId, TeamInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return Gone;
        if (await ProblemAsync(db, teamId, input, ct) is { } problem) return problem;
        team.Name = ReferenceNames.Clean(input.Name);
        team.Description = ReferenceNames.Clean(input.Description);
        return await SaveAsync(db, team, ct);
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? teamId, TeamInput input, CancellationToken ct)
    {
        var others = await db.Teams.Where(t => t.Id != teamId).Select(t => t.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(input.Name), "team", others) is { } nameProblem)
            return AdminResult.Invalid(NameField, nameProblem);
        return ReferenceNames.DescriptionProblem(ReferenceNames.Clean(input.Description)) is { } descriptionProblem
            ? AdminResult.Invalid(DescriptionField, descriptionProblem)
            : null;
    }

    private static Task<AdminResult> SaveAsync(AppDbContext db, Team team, CancellationToken ct) =>
        AdminResult.SaveAsync(db, () => team.Id, AdminResult.Invalid(NameField, $"There is already a team called \"{team.Name}\"."), ct);

    private static readonly AdminResult Gone = AdminResult.Refused("That team no longer exists; someone else deleted it.");

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
