using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

public sealed record TeamMatrixRow(int TeamId, string TeamName, string? LeadUserId, int? NextTierTeamId, int? DefaultPolicyId,
    int? CalendarId, IReadOnlySet<Priority> AutoStart, IReadOnlyList<Choice<string>> Members);

public sealed record TeamMatrixInput(string? LeadUserId, int? NextTierTeamId, int? DefaultPolicyId, int? CalendarId,
    IReadOnlyCollection<Priority> AutoStart);

public sealed record RuleInput(Priority Priority, EscalationTrigger Trigger, AutoEscalation Action, int? PolicyId);

public sealed record EscalationMatrixView(IReadOnlyList<TeamMatrixRow> Teams, IReadOnlyList<RuleInput> Rules,
    IReadOnlyList<Choice<int>> Policies, IReadOnlyList<Choice<int>> Calendars);

/// <summary>The escalation matrix: per team its lead, next tier and default policy; per priority the SLA reactions.</summary>
public sealed class EscalationMatrixService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string LeadField = "Lead";
    public const string NextTierField = "NextTier";
    public const string PolicyField = "Policy";
    public const string CalendarField = "Calendar";

    public async Task<EscalationMatrixView> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.TeamEscalations.AsNoTracking().ToDictionaryAsync(t => t.TeamId, ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Members = t.Members.Where(m => !SystemAccounts.Ids.Contains(m.Id)).OrderBy(m => m.DisplayName).Select(m => new Choice<string>(m.Id, m.DisplayName)).ToList() })
            .ToListAsync(ct);
        var stored = await db.EscalationRules.AsNoTracking().ToListAsync(ct);
        var rules = (from priority in Enum.GetValues<Priority>()
                     from trigger in Enum.GetValues<EscalationTrigger>()
                     let rule = stored.FirstOrDefault(r => r.Priority == priority && r.Trigger == trigger)
                     select new RuleInput(priority, trigger, rule?.Action ?? AutoEscalation.None, rule?.PolicyId)).ToList();
        var policies = await db.EscalationPolicies.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice<int>(p.Id, p.Name)).ToListAsync(ct);
        var calendars = await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice<int>(c.Id, c.Name)).ToListAsync(ct);
        return new EscalationMatrixView(teams.Select(t =>
        {
            var s = settings.GetValueOrDefault(t.Id);
            return new TeamMatrixRow(t.Id, t.Name, s?.LeadUserId, s?.NextTierTeamId, s?.DefaultPolicyId, s?.CalendarId,
                s?.AutoStart ?? new HashSet<Priority>(), t.Members);
        }).ToList(), rules, policies, calendars);
    }

    public async Task<AdminResult> SaveTeamAsync(Actor actor, int teamId, TeamMatrixInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct)) return AdminResult.Refused("That team no longer exists.");
        if (input.LeadUserId is { } lead && !await db.Users.AnyAsync(u => u.Id == lead && u.Teams.Any(t => t.Id == teamId), ct))
            return AdminResult.Invalid(LeadField, "The lead must be a member of the team.");
        if (input.NextTierTeamId == teamId) return AdminResult.Invalid(NextTierField, "The next tier must be another team.");
        if (input.NextTierTeamId is { } next && !await db.Teams.AnyAsync(t => t.Id == next, ct))
            return AdminResult.Invalid(NextTierField, "Choose a team from the list.");
        if (input.DefaultPolicyId is { } policy && !await db.EscalationPolicies.AnyAsync(p => p.Id == policy, ct))
            return AdminResult.Invalid(PolicyField, "Choose a policy from the list.");
        if (input.CalendarId is { } calendar && !await db.BusinessCalendars.AnyAsync(c => c.Id == calendar, ct))
            return AdminResult.Invalid(CalendarField, "Choose business hours from the list.");
        if (input.AutoStart.Count > 0 && input.DefaultPolicyId is null)
            return AdminResult.Invalid(PolicyField, "Choose the default policy that new incidents of those priorities start.");

        var row = await db.TeamEscalations.SingleOrDefaultAsync(t => t.TeamId == teamId, ct);
        if (row is null) db.TeamEscalations.Add(row = new TeamEscalation { TeamId = teamId });
        row.LeadUserId = input.LeadUserId;
        row.NextTierTeamId = input.NextTierTeamId;
        row.DefaultPolicyId = input.DefaultPolicyId;
        row.CalendarId = input.CalendarId;
        row.AutoStartPriorities = TeamEscalation.FormatPriorities(input.AutoStart);
        return await AdminResult.SaveAsync(db, () => teamId, AdminResult.Refused("Someone changed the matrix meanwhile; reload and try again."), ct);
    }

    public async Task<AdminResult> SaveRulesAsync(Actor actor, IReadOnlyList<RuleInput> rules, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policies = await db.EscalationPolicies.Select(p => p.Id).ToListAsync(ct);
        foreach (var rule in rules)
        {
            if (!Enum.IsDefined(rule.Priority) || !Enum.IsDefined(rule.Trigger) || !Enum.IsDefined(rule.Action))
                return AdminResult.Refused("Unknown priority, trigger or action.");
            if (rule.Action == AutoEscalation.StartPolicy && (rule.PolicyId is not { } id || !policies.Contains(id)))
                return AdminResult.Invalid(RuleField(rule.Priority, rule.Trigger), $"{rule.Priority} {Label(rule.Trigger)}: choose the policy to start.");
        }
        // Upserted in place, so the whole matrix is saved in one unit of work.
        var stored = await db.EscalationRules.ToListAsync(ct);
        foreach (var rule in rules)
        {
            var row = stored.FirstOrDefault(r => r.Priority == rule.Priority && r.Trigger == rule.Trigger);
            if (rule.Action == AutoEscalation.None)
            {
                if (row is not null) db.EscalationRules.Remove(row);
                continue;
            }
            if (row is null) db.EscalationRules.Add(row = new EscalationRule { Priority = rule.Priority, Trigger = rule.Trigger });
            row.Action = rule.Action;
            row.PolicyId = rule.Action == AutoEscalation.StartPolicy ? rule.PolicyId : null;
        }
        return await AdminResult.SaveAsync(db, () => 0, AdminResult.Refused("Someone changed the matrix meanwhile; reload and try again."), ct);
    }

    public static string RuleField(Priority priority, EscalationTrigger trigger) => $"Rule.{priority}.{trigger}";

    public static string Label(EscalationTrigger trigger) => trigger == EscalationTrigger.SlaWarning ? "SLA warning" : "SLA breach";
}
