using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Routing;

/// <summary>A made-up incident to try the rules on.</summary>
public sealed record RoutingPreviewInput(string Title, string? Description, int? ServiceId, int? CategoryId, Priority Priority,
    IncidentSource Source);

/// <summary>What would happen to it: the rule that fires (null: none), the team, a priority raise, in one sentence.</summary>
public sealed record RoutingPreview(int? RuleId, string? RuleName, string? TeamName, Priority? RaisedTo, string Summary);

public sealed partial class RoutingAdminService
{
    /// <summary>Runs the enabled rules on <paramref name="input"/> exactly as a new incident would meet them; changes nothing.</summary>
    public async Task<RoutingPreview> PreviewAsync(Actor actor, RoutingPreviewInput input, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supportTeam = input.ServiceId is { } serviceId
            ? await db.Services.Where(s => s.Id == serviceId && s.SupportTeamId != null)
                .Select(s => new Named<int>(s.SupportTeamId!.Value, db.Teams.Where(t => t.Id == s.SupportTeamId).Select(t => t.Name).First()))
                .SingleOrDefaultAsync(ct)
            : null;
        var subject = new RoutingSubject(input.Title ?? "", input.Description, input.ServiceId,
            await IncidentRouter.CategoryWithParentAsync(db, input.CategoryId, ct), input.Priority, input.Source);
        var rules = await db.RoutingRules.AsNoTracking().Include(r => r.Team).ToListAsync(ct);
        var rule = RoutingRule.FirstMatch(rules, subject);
        var decision = IncidentRouter.Decide(rule, supportTeam, input.Priority);
        var raise = decision.RaiseTo is { } to ? $" Its priority is raised from {input.Priority} to {to}." : "";
        var summary = rule is not null ? $"Rule '{rule.Name}' fires: routed to {decision.Team!.Name}.{raise}"
            : decision.Team is { } team ? $"No rule matches: it goes to {team.Name}, the team that supports the service."
            : "No rule matches and there is no service with a support team: it waits unassigned for the service desk to triage.";
        return new RoutingPreview(rule?.Id, rule?.Name, decision.Team?.Name, decision.RaiseTo, summary);
    }
}
