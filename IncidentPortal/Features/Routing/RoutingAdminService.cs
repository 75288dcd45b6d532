using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>A rule as the admin list shows it, with the names of what its conditions refer to.</summary>
public sealed record RoutingRuleRow(int Id, string Name, bool IsEnabled, int Position, int TeamId, string TeamName,
    Priority? RaisePriorityTo, RoutingRuleInput Input, IReadOnlyList<string> Conditions);

/// <summary>What the rule editor offers: teams, services, and categories with their subcategories.</summary>
public sealed record RoutingChoices(IReadOnlyList<Choice<int>> Teams, IReadOnlyList<Choice<int>> Services,
    IReadOnlyList<CategoryChoice> Categories);

/// <summary>What admins do to routing rules: create, edit, enable, reorder, delete.</summary>
public sealed partial class RoutingAdminService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NameField = "Name";
    public const string TeamField = "Team";
    public const string KeywordsField = "Keywords";
    public const string CategoriesField = "Categories";
    public const string ServicesField = "Services";

    public async Task<List<RoutingRuleRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.RoutingRules.AsNoTracking().Include(r => r.Team).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var services = await db.Services.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var categories = await db.Categories.Include(c => c.Parent).ToDictionaryAsync(c => c.Id, c => c.FullName, ct);
        return rules.Select(r => new RoutingRuleRow(r.Id, r.Name, r.IsEnabled, r.Position, r.TeamId, r.Team?.Name ?? "",
            r.RaisePriorityTo, InputOf(r), RoutingRuleText.Conditions(r, services, categories))).ToList();
    }

    public async Task<RoutingChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.OrderBy(t => t.Name).Select(t => new Choice<int>(t.Id, t.Name)).ToListAsync(ct);
        var services = await db.Services.Where(s => s.IsActive).OrderBy(s => s.Name).Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var tree = categories.Where(c => c.ParentId is null).OrderBy(c => c.Name)
            .Select(p => new CategoryChoice(p.Id, p.Name, categories.Where(c => c.ParentId == p.Id).OrderBy(c => c.Name)
                .Select(c => new Choice<int>(c.Id, c.Name)).ToList()))
            .ToList();
        return new RoutingChoices(teams, services, tree);
    }

    public async Task<AdminResult> CreateAsync(Actor actor, RoutingRuleInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RoutingRuleValidation.ProblemAsync(db, null, input, ct) is { } problem) return problem;
        var last = await db.RoutingRules.MaxAsync(r => (int?)r.Position, ct) ?? 0;
        var rule = RoutingRule.Create(input, last + 1);
        db.RoutingRules.Add(rule);
        return await SaveAsync(db, rule, ct);
    }

    public async Task<AdminResult> UpdateAsync(Actor actor, int ruleId, RoutingRuleInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Gone;
        if (await RoutingRuleValidation.ProblemAsync(db, ruleId, input, ct) is { } problem) return problem;
        rule.Update(input);
        return await SaveAsync(db, rule, ct);
    }

    public async Task<AdminResult> SetEnabledAsync(Actor actor, int ruleId, bool enabled, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Gone;
        rule.SetEnabled(enabled);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(ruleId);
    }

    public async Task<AdminResult> DeleteAsync(Actor actor, int ruleId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null) return Gone;
        db.RoutingRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(ruleId);
    }

    /// <summary>Swaps the rule with its neighbour above (<paramref name="up"/>) or below; at either end nothing changes.</summary>
    public async Task<AdminResult> MoveAsync(Actor actor, int ruleId, bool up, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.RoutingRules.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var index = rules.FindIndex(r => r.Id == ruleId);
        if (index < 0) return Gone;
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= rules.Count) return AdminResult.Done(ruleId);
        (rules[index], rules[other]) = (rules[other], rules[index]);
        // Renumbering all of them keeps positions 1..n even after deletions and old ties.
        for (var i = 0; i < rules.Count; i++) rules[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(ruleId);
    }

    private static RoutingRuleInput InputOf(RoutingRule r) => new(r.Name, r.IsEnabled, r.TeamId, r.RaisePriorityTo,
        r.CategoryIds, r.ServiceIds, r.Priorities, r.Sources, string.Join(", ", r.Keywords));

    private static Task<AdminResult> SaveAsync(AppDbContext db, RoutingRule rule, CancellationToken ct) =>
        AdminResult.SaveAsync(db, () => rule.Id, AdminResult.Invalid(NameField, $"There is already a rule called \"{rule.Name}\"."), ct);

    private static readonly AdminResult Gone = AdminResult.Refused("That rule no longer exists; someone else deleted it.");
}
