using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>Who can be paged into a response: staff, teams and escalation policies.</summary>
public sealed record ResponseChoices(IReadOnlyList<Choice<string>> People, IReadOnlyList<Choice<int>> Teams, IReadOnlyList<Choice<int>> Policies);

public sealed partial class MajorIncidentService
{
    public async Task<ResponseChoices> ResponseChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staffRoles = db.Roles.Where(r => r.Name == Roles.Agent || r.Name == Roles.IncidentManager || r.Name == Roles.Admin).Select(r => r.Id);
        var staff = db.UserRoles.Where(ur => staffRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var now = clock.GetUtcNow();
        // Disabled (locked-out) accounts are left out; SQLite cannot compare the lockout's DateTimeOffset, so it is done here.
        var people = (await db.Users.Where(u => staff.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Select(u => new Choice<string>(u.Id, u.DisplayName)).ToList();
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new Choice<int>(t.Id, t.Name)).ToListAsync(ct);
        var policies = await db.EscalationPolicies.OrderBy(p => p.Name).Select(p => new Choice<int>(p.Id, p.Name)).ToListAsync(ct);
        return new ResponseChoices(people, teams, policies);
    }

    /// <summary>Anyone with an active account, by name or e-mail: stakeholders need not work incidents.</summary>
    public async Task<IReadOnlyList<Choice<string>>> FindPeopleAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        EnsureStaff(actor);
        var term = (text ?? "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var users = db.Users.AsQueryable();
        if (term.Length > 0)
        {
            var pattern = $"%{term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\"));
        }
        return (await users.OrderBy(u => u.DisplayName).Take(40).Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).Take(12)
            .Select(u => new Choice<string>(u.Id, $"{u.DisplayName} ({u.Email})")).ToList();
    }
}
