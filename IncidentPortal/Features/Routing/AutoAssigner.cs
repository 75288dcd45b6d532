using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>The member a team's auto-assignment picked, and how (for the timeline).</summary>
public sealed record AutoAssignment(Named<string> Assignee, AutoAssignMode Mode)
{
    public string Text => $"Auto-assigned to {Assignee.Name} ({TeamAutoAssignment.Label(Mode).ToLowerInvariant()})";
}

/// <summary>Picks an available member of a team for an incident that landed there without an assignee.</summary>
public static class AutoAssigner
{
    /// <summary>Round-robin picks lost to another writer are recomputed from the fresh turn; this many is plenty.</summary>
    private const int MaxRoundRobinAttempts = 5;

    /// <summary>
    /// Null when the team does not auto-assign or nobody in it is available. A round-robin pick advances the team's
    /// turn with a conditional update (only if the turn is still the one read), so two app instances never hand out
    /// the same turn; in the caller's transaction it commits or rolls back with the incident.
    /// </summary>
    public static async Task<AutoAssignment?> PickAsync(AppDbContext db, int teamId, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxRoundRobinAttempts; attempt++)
        {
            var settings = await db.TeamAutoAssignments.AsNoTracking().SingleOrDefaultAsync(s => s.TeamId == teamId, ct);
            if (settings is null || settings.Mode == AutoAssignMode.Off) return null;
            var members = await CandidatesAsync(db, teamId, now, ct);
            if (settings.Mode == AutoAssignMode.LeastOpenWork)
                return AssigneePicker.LeastOpenWork(members) is { } least ? Picked(least, settings.Mode) : null;

            if (AssigneePicker.RoundRobin(members, settings.LastAssigneeId) is not { } next) return null;
            var taken = await db.TeamAutoAssignments
                .Where(s => s.TeamId == teamId && s.Turn == settings.Turn)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAssigneeId, next.UserId).SetProperty(x => x.Turn, settings.Turn + 1), ct);
            if (taken == 1) return Picked(next, settings.Mode);
        }
        return null;
    }

    public static Task<bool> IsOnAsync(AppDbContext db, int teamId, CancellationToken ct) =>
        db.TeamAutoAssignments.AnyAsync(s => s.TeamId == teamId && s.Mode != AutoAssignMode.Off, ct);

    private static AutoAssignment Picked(AssignmentCandidate c, AutoAssignMode mode) => new(new Named<string>(c.UserId, c.Name), mode);

    /// <summary>The team's staff members (not disabled), whether each is available, and their open work across all teams.</summary>
    public static async Task<List<AssignmentCandidate>> CandidatesAsync(AppDbContext db, int teamId, DateTime now, CancellationToken ct)
    {
        var staffRoleIds = db.Roles.Where(r => r.Name != Roles.Reporter).Select(r => r.Id);
        var rows = await db.Teams.Where(t => t.Id == teamId).SelectMany(t => t.Members).People()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.LockoutEnd,
                Available = db.AgentAvailability.Any(a => a.UserId == u.Id && a.IsAvailable),
                Open = db.Incidents.Count(i => i.AssigneeId == u.Id && IncidentLifecycle.OpenStatuses.Contains(i.Status)),
            })
            .ToListAsync(ct);
        // Lockout is compared here: team member lists are short, and SQLite cannot compare DateTimeOffset in SQL.
        return rows.Select(r => new AssignmentCandidate(r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? r.Id : r.DisplayName,
                r.Available && !(r.LockoutEnd is { } end && end > now), r.Open))
            .ToList();
    }
}
