using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>Published when an agent switches their availability, so open toggles and team pages follow at once.</summary>
public sealed record AgentAvailabilityChanged(string UserId, bool IsAvailable);

/// <summary>A team's auto-assignment as the team page shows it: the mode and who would be picked from.</summary>
public sealed record TeamAutoAssignView(int TeamId, AutoAssignMode Mode, IReadOnlyList<AssignmentCandidate> Members);

/// <summary>Agents' availability for auto-assigned work, and each team's auto-assignment mode.</summary>
public sealed class AutoAssignmentService(IDbContextFactory<AppDbContext> dbFactory, IEventBus events, TimeProvider clock)
{
    public async Task<bool> IsAvailableAsync(Actor actor, CancellationToken ct = default)
    {
        RequireStaff(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AgentAvailability.AnyAsync(a => a.UserId == actor.UserId && a.IsAvailable, ct);
    }

    /// <summary>Agents switch only their own availability.</summary>
    public async Task SetAvailableAsync(Actor actor, bool available, CancellationToken ct = default)
    {
        RequireStaff(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var row = await db.AgentAvailability.SingleOrDefaultAsync(a => a.UserId == actor.UserId, ct);
            if (row is null) db.AgentAvailability.Add(new AgentAvailability(actor.UserId, available, now));
            else row.Set(available, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (row is null)
            {
                // The same person switched it in another tab at the same moment: apply this switch over theirs.
                await using var retry = await dbFactory.CreateDbContextAsync(ct);
                await retry.AgentAvailability.Where(a => a.UserId == actor.UserId)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.IsAvailable, available).SetProperty(x => x.ChangedAt, now), ct);
            }
        }
        await events.PublishAsync(new AgentAvailabilityChanged(actor.UserId, available));
    }

    public async Task<TeamAutoAssignView> TeamAsync(Actor actor, int teamId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mode = await db.TeamAutoAssignments.Where(s => s.TeamId == teamId).Select(s => (AutoAssignMode?)s.Mode).SingleOrDefaultAsync(ct);
        var members = await AutoAssigner.CandidatesAsync(db, teamId, clock.GetUtcNow().UtcDateTime, ct);
        return new TeamAutoAssignView(teamId, mode ?? AutoAssignMode.Off, members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<AdminResult> SetModeAsync(Actor actor, int teamId, AutoAssignMode mode, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        if (!Enum.IsDefined(mode)) return AdminResult.Invalid(ModeField, "Choose one of the listed modes.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return AdminResult.Refused("That team no longer exists; someone else deleted it.");
        var settings = await db.TeamAutoAssignments.SingleOrDefaultAsync(s => s.TeamId == teamId, ct);
        if (settings is null) db.TeamAutoAssignments.Add(new TeamAutoAssignment(teamId, mode));
        else settings.SetMode(mode);
        return await AdminResult.SaveAsync(db, () => teamId,
            AdminResult.Refused("Another admin changed this team's auto-assignment at the same moment; reload and try again."), ct);
    }

    public const string ModeField = "Mode";

    private static void RequireStaff(Actor actor)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents take auto-assigned work.");
    }
}
