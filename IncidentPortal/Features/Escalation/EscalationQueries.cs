using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

/// <summary>The page in progress: <see cref="StepsFired"/> of <see cref="StepCount"/> steps in this round.</summary>
public sealed record ActivePage(string PolicyName, int StepsFired, int StepCount, int Round, int Rounds, DateTime? NextFireAt);

/// <summary>How the last page ended.</summary>
public sealed record FinishedPage(string PolicyName, RunOutcome Outcome, string? AcknowledgedBy, DateTime FinishedAt);

/// <summary>What the workspace shows about escalation, and what its Escalate / Page dialogs offer.</summary>
public sealed record EscalationPanelView(int FunctionalLevel, int HierarchicalCount, ActivePage? Active, FinishedPage? LastFinished,
    int? NextTierTeamId, string? LeadName, IReadOnlyList<Choice<int>> Teams, IReadOnlyList<Choice<int>> Policies, int? DefaultPolicyId);

public sealed class EscalationQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<EscalationPanelView> PanelAsync(Actor actor, int incidentId, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new IncidentNotFoundException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teamId = await db.Incidents.Where(i => i.Id == incidentId).Select(i => i.AssignmentGroupId).FirstOrDefaultAsync(ct);
        var kinds = await db.IncidentEscalations.Where(e => e.IncidentId == incidentId).Select(e => e.Kind).ToListAsync(ct);
        var runs = await db.EscalationRuns.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderByDescending(r => r.Id).Take(1)
            .Select(r => new
            {
                Run = r,
                Policy = db.EscalationPolicies.Where(p => p.Id == r.PolicyId).Select(p => new { p.Name, p.RepeatCount, Steps = p.Steps.Count() }).Single(),
                AckBy = db.Users.Where(u => u.Id == r.AcknowledgedById).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        var last = runs.FirstOrDefault();
        var team = await db.TeamEscalations.AsNoTracking().Where(t => t.TeamId == teamId)
            .Select(t => new { t.NextTierTeamId, t.DefaultPolicyId, Lead = db.Users.Where(u => u.Id == t.LeadUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice<int>(t.Id, t.Name)).ToListAsync(ct);
        var policies = await db.EscalationPolicies.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice<int>(p.Id, p.Name)).ToListAsync(ct);

        ActivePage? active = null;
        FinishedPage? finished = null;
        if (last is { Run.IsActive: true })
            active = new ActivePage(last.Policy.Name, Math.Min(last.Run.StepIndex, last.Policy.Steps), last.Policy.Steps, last.Run.Round,
                last.Policy.RepeatCount + 1, last.Run.NextFireAt);
        else if (last is { Run: { FinishedAt: { } at, Outcome: { } outcome } })
            finished = new FinishedPage(last.Policy.Name, outcome, last.AckBy, at);
        return new EscalationPanelView(kinds.Count(k => k == EscalationKind.Functional), kinds.Count(k => k == EscalationKind.Hierarchical),
            active, finished, team?.NextTierTeamId, team?.Lead, teams, policies, team?.DefaultPolicyId);
    }
}
