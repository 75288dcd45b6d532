using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>Where a new incident goes, and why; <see cref="RaiseTo"/> is a priority floor set by the rule.</summary>
public sealed record RouteDecision(Named<int>? Team, string? Note, string? RuleName, Priority? RaiseTo, string? RaiseReason)
{
    public static RouteDecision Nowhere { get; } = new(null, null, null, null, null);
}

/// <summary>
/// Applies the routing rules to a new incident: the first enabled rule whose conditions all hold picks the team;
/// when none does, the incident goes to its service's support team as before.
/// </summary>
public static class IncidentRouter
{
    public const string SupportTeamNote = "Routed to the team that supports the service";

    public static async Task<RouteDecision> DecideAsync(AppDbContext db, IncidentDraft draft, Priority priority,
        Named<int>? supportTeam, CancellationToken ct)
    {
        var subject = new RoutingSubject(draft.Title, draft.Description, draft.ServiceId,
            await CategoryWithParentAsync(db, draft.CategoryId, ct), priority, draft.Source);
        var rules = await db.RoutingRules.AsNoTracking().Include(r => r.Team).Where(r => r.IsEnabled).ToListAsync(ct);
        return Decide(RoutingRule.FirstMatch(rules, subject), supportTeam, priority);
    }

    public static RouteDecision Decide(RoutingRule? rule, Named<int>? supportTeam, Priority priority)
    {
        if (rule is null)
            return supportTeam is null ? RouteDecision.Nowhere : new RouteDecision(supportTeam, SupportTeamNote, null, null, null);
        var team = new Named<int>(rule.TeamId, rule.Team?.Name ?? $"team {rule.TeamId}");
        // "At least": a rule never lowers a priority the matrix already put higher.
        var raise = rule.RaisePriorityTo is { } floor && floor < priority ? floor : (Priority?)null;
        return new RouteDecision(team, $"Routed to {team.Name} by rule '{rule.Name}'", rule.Name, raise,
            raise is null ? null : $"Raised to at least {raise} by routing rule '{rule.Name}'");
    }

    /// <summary>The category and its parent: a rule on a parent category covers its subcategories.</summary>
    public static async Task<IReadOnlyList<int>> CategoryWithParentAsync(AppDbContext db, int? categoryId, CancellationToken ct)
    {
        if (categoryId is not { } id) return [];
        var parent = await db.Categories.Where(c => c.Id == id).Select(c => c.ParentId).SingleOrDefaultAsync(ct);
        return parent is { } p ? [id, p] : [id];
    }
}
