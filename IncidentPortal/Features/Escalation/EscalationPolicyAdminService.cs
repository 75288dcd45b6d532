using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Escalation;

public sealed record StepInput(int WaitSeconds, IReadOnlyList<string> UserIds, IReadOnlyList<int> TeamIds);

public sealed record PolicyInput(string Name, string Description, int RepeatCount, OffHoursRule OffHours, IReadOnlyList<StepInput> Steps);

public sealed record PolicyRow(int Id, string Name, string Description, int RepeatCount, OffHoursRule OffHours,
    IReadOnlyList<StepRow> Steps, int ActiveRuns, IReadOnlyList<string> DefaultFor);

/// <summary>A step as the admin list shows it: targets by name.</summary>
public sealed record StepRow(int WaitSeconds, IReadOnlyList<string> UserIds, IReadOnlyList<int> TeamIds, IReadOnlyList<string> TargetNames);

/// <summary>Who a step can notify: staff (members of a team) and teams.</summary>
public sealed record PolicyChoices(IReadOnlyList<Choice<string>> People, IReadOnlyList<Choice<int>> Teams);

/// <summary>Admins create, change and delete escalation policies.</summary>
public sealed class EscalationPolicyAdminService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NameField = "Name";
    public const string DescriptionField = "Description";
    public const string RepeatField = "Repeat";
    public const string StepsField = "Steps";
    public static string TargetsField(int step) => $"Step{step}.Targets";
    public static string WaitField(int step) => $"Step{step}.Wait";

    public async Task<List<PolicyRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policies = await db.EscalationPolicies.AsNoTracking().Include(p => p.Steps).ThenInclude(s => s.Targets)
            .OrderBy(p => p.Name).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var active = await db.EscalationRuns.Where(r => r.FinishedAt == null).GroupBy(r => r.PolicyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var defaults = await db.TeamEscalations.Where(t => t.DefaultPolicyId != null)
            .Select(t => new { t.DefaultPolicyId, t.TeamId }).ToListAsync(ct);
        return policies.Select(p => new PolicyRow(p.Id, p.Name, p.Description, p.RepeatCount, p.OffHours,
            p.Steps.OrderBy(s => s.Position).Select(s => new StepRow(s.WaitSeconds,
                s.Targets.Where(t => t.UserId != null).Select(t => t.UserId!).ToList(),
                s.Targets.Where(t => t.TeamId != null).Select(t => t.TeamId!.Value).ToList(),
                s.Targets.Select(t => t.UserId is { } u ? users.GetValueOrDefault(u, "?") : "team " + teams.GetValueOrDefault(t.TeamId!.Value, "?")).ToList()))
                .ToList(),
            active.GetValueOrDefault(p.Id),
            defaults.Where(d => d.DefaultPolicyId == p.Id).Select(d => teams.GetValueOrDefault(d.TeamId, "?")).Order().ToList())).ToList();
    }

    public async Task<PolicyChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking().People().Where(u => u.Teams.Any()).OrderBy(u => u.DisplayName)
            .Select(u => new Choice<string>(u.Id, u.DisplayName)).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice<int>(t.Id, t.Name)).ToListAsync(ct);
        return new PolicyChoices(people, teams);
    }

    public async Task<AdminResult> SaveAsync(Actor actor, int? policyId, PolicyInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProblemAsync(db, policyId, input, ct) is { } problem) return problem;
        EscalationPolicy? policy;
        if (policyId is { } id)
        {
            policy = await db.EscalationPolicies.Include(p => p.Steps).ThenInclude(s => s.Targets).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (policy is null) return Gone;
        }
        else
        {
            policy = new EscalationPolicy();
            db.EscalationPolicies.Add(policy);
        }
        policy.Name = ReferenceNames.Clean(input.Name);
        policy.Description = ReferenceNames.Clean(input.Description);
        policy.RepeatCount = input.RepeatCount;
        policy.OffHours = input.OffHours;
        ReplaceSteps(policy, input.Steps);
        return await AdminResult.SaveAsync(db, () => policy.Id,
            AdminResult.Invalid(NameField, $"There is already a policy called \"{policy.Name}\"."), ct);
    }

    /// <summary>Runs in flight follow the new steps from their current position; steps are reused by position.</summary>
    private static void ReplaceSteps(EscalationPolicy policy, IReadOnlyList<StepInput> steps)
    {
        var existing = policy.Steps.OrderBy(s => s.Position).ToList();
        foreach (var extra in existing.Skip(steps.Count)) policy.Steps.Remove(extra);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = i < existing.Count ? existing[i] : new EscalationStep { Position = i };
            if (i >= existing.Count) policy.Steps.Add(step);
            step.WaitSeconds = steps[i].WaitSeconds;
            step.Targets.Clear();
            foreach (var user in steps[i].UserIds.Distinct()) step.Targets.Add(new EscalationStepTarget { UserId = user });
            foreach (var team in steps[i].TeamIds.Distinct()) step.Targets.Add(new EscalationStepTarget { TeamId = team });
        }
    }

    /// <summary>A policy that has paged anyone is history; one still named by the matrix must be replaced there first.</summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int policyId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policy = await db.EscalationPolicies.SingleOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null) return Gone;
        if (await db.EscalationRuns.AnyAsync(r => r.PolicyId == policyId, ct))
            return AdminResult.Refused($"{policy.Name} cannot be deleted: it has paged people on incidents, and their timelines name it. Rename it instead.");
        var teams = await db.TeamEscalations.Where(t => t.DefaultPolicyId == policyId).CountAsync(ct);
        var rules = await db.EscalationRules.Where(r => r.PolicyId == policyId).CountAsync(ct);
        if (teams + rules > 0)
            return AdminResult.Refused($"{policy.Name} cannot be deleted: the escalation matrix uses it " +
                $"({Infrastructure.Text.Plural.Count(teams, "team default")}, {Infrastructure.Text.Plural.Count(rules, "SLA rule")}). Choose another policy there first.");
        db.EscalationPolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(policyId);
    }

    private static async Task<AdminResult?> ProblemAsync(AppDbContext db, int? policyId, PolicyInput input, CancellationToken ct)
    {
        var others = await db.EscalationPolicies.Where(p => p.Id != policyId).Select(p => p.Name).ToListAsync(ct);
        if (ReferenceNames.Problem(ReferenceNames.Clean(input.Name), "policy", others) is { } nameProblem)
            return AdminResult.Invalid(NameField, nameProblem);
        if (ReferenceNames.DescriptionProblem(ReferenceNames.Clean(input.Description)) is { } descriptionProblem)
            return AdminResult.Invalid(DescriptionField, descriptionProblem);
        if (input.RepeatCount is < 0 or > EscalationPolicy.MaxRepeats)
            return AdminResult.Invalid(RepeatField, $"Repeat between 0 and {EscalationPolicy.MaxRepeats} times.");
        if (!Enum.IsDefined(input.OffHours)) return AdminResult.Refused("Choose what happens outside business hours.");
        if (input.Steps.Count == 0) return AdminResult.Invalid(StepsField, "Add at least one step.");
        if (input.Steps.Count > EscalationPolicy.MaxSteps) return AdminResult.Invalid(StepsField, $"A policy has at most {EscalationPolicy.MaxSteps} steps.");
        var userIds = input.Steps.SelectMany(s => s.UserIds).Distinct().ToList();
        var teamIds = input.Steps.SelectMany(s => s.TeamIds).Distinct().ToList();
        var knownUsers = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var knownTeams = await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        for (var i = 0; i < input.Steps.Count; i++)
        {
            var step = input.Steps[i];
            if (step.UserIds.Count + step.TeamIds.Count == 0)
                return AdminResult.Invalid(TargetsField(i), $"Step {i + 1}: choose at least one person or team to notify.");
            if (step.UserIds.Except(knownUsers).Any() || step.TeamIds.Except(knownTeams).Any())
                return AdminResult.Invalid(TargetsField(i), $"Step {i + 1}: someone chosen no longer exists; choose again.");
            if (step.WaitSeconds is < EscalationPolicy.MinWaitSeconds or > EscalationPolicy.MaxWaitSeconds)
                return AdminResult.Invalid(WaitField(i), $"Step {i + 1}: wait between 1 second and 7 days before the next step.");
        }
        return null;
    }

    private static readonly AdminResult Gone = AdminResult.Refused("That policy no longer exists; someone else deleted it.");
}
