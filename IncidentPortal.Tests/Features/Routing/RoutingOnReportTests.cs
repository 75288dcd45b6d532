using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Routing;

/// <summary>Rules applied by the real app when an incident is reported, with the timeline entry that says why.</summary>
[Collection(PortalCollection.Name)]
public sealed class RoutingOnReportTests(SharedPortal app)
{
    [Fact]
    public async Task A_matching_rule_routes_the_report_and_the_timeline_names_the_rule()
    {
        var world = await RoutingWorld.CreateAsync(app);
        var rule = await world.Rules.CreateAsync(world.Admin, RoutingWorld.RuleInput("VPN outages", world.Network, keywords: "vpn, tunnel",
            services: [world.Crm]));
        Assert.True(rule.Succeeded, rule.Error);

        // CRM's support team is Applications, but the rule sends it to Network.
        var incident = await world.ReportAsync("CRM unreachable over VPN", service: world.Crm);

        var stored = await world.StoredAsync(incident.Id);
        Assert.Equal(world.Network, stored.AssignmentGroupId);
        Assert.Equal(IncidentStatus.New, stored.Status);
        var routed = Assert.Single(stored.Activities, a => a.Field == "Team");
        Assert.Equal($"Routed to {world.NetworkName} by rule 'VPN outages'", routed.Text);
        Assert.Contains("Routed to Network", ActivityText.Summary(routed));
        Assert.Null(routed.ActorId); // the portal routed it, not the reporter
        await world.Rules.DeleteAsync(world.Admin, rule.Id!.Value);
    }

    [Fact]
    public async Task Without_a_matching_rule_the_service_support_team_takes_it()
    {
        var world = await RoutingWorld.CreateAsync(app);
        var rule = await world.Rules.CreateAsync(world.Admin, RoutingWorld.RuleInput($"DB {Guid.NewGuid():N}", world.Database, keywords: "database",
            services: [world.Crm]));

        var incident = await world.ReportAsync("CRM contacts missing", service: world.Crm);

        var stored = await world.StoredAsync(incident.Id);
        Assert.Equal(world.Applications, stored.AssignmentGroupId);
        Assert.Contains(stored.Activities, a => a.Field == "Team" && a.Text == "Routed to the team that supports the service");
        await world.Rules.DeleteAsync(world.Admin, rule.Id!.Value);
    }

    [Fact]
    public async Task A_rule_on_a_parent_category_catches_a_subcategory_and_raises_the_priority_as_an_override_with_a_reason()
    {
        var world = await RoutingWorld.CreateAsync(app);
        var name = $"Network P2 {Guid.NewGuid():N}"[..20];
        var rule = await world.Rules.CreateAsync(world.Admin, RoutingWorld.RuleInput(name, world.Database, categories: [world.NetworkCategory],
            services: [world.Vpn], raise: Priority.P2));

        var incident = await world.ReportAsync("Slow connection", service: world.Vpn, category: world.VpnCategory);

        var stored = await world.StoredAsync(incident.Id);
        Assert.Equal((world.Database, Priority.P2), (stored.AssignmentGroupId, stored.Priority));
        Assert.Equal($"Raised to at least P2 by routing rule '{name}'", stored.PriorityOverrideReason);
        Assert.Contains(stored.Activities, a => a.Field == "Priority" && a.OldValue == "P5" && a.NewValue == "P2");

        // An agent's later impact edit does not undo the raise: it is an override, which an agent may remove.
        var agent = await world.AgentAsync("editor", world.Database, available: false);
        await world.Incidents.ChangeAsync(agent, incident.Id, null, new EditIncident(stored.Title, null, Impact.Low, Urgency.Medium, world.Vpn, world.VpnCategory));
        Assert.Equal(Priority.P2, (await world.StoredAsync(incident.Id)).Priority);
        await world.Rules.DeleteAsync(world.Admin, rule.Id!.Value);
    }

    [Fact]
    public async Task A_team_that_a_rule_routes_to_cannot_be_deleted_and_the_refusal_names_the_rule()
    {
        var world = await RoutingWorld.CreateAsync(app);
        var team = await app.WithDbAsync(async db =>
        {
            var t = new Team { Name = $"Short-lived {Guid.NewGuid():N}"[..30] };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var rule = await world.Rules.CreateAsync(world.Admin, RoutingWorld.RuleInput($"Temp {Guid.NewGuid():N}"[..20], team, keywords: "printer",
            services: [world.Crm]));
        var teams = app.Services.GetRequiredService<TeamAdminService>();

        var refused = await teams.DeleteAsync(world.Admin, team);

        Assert.False(refused.Succeeded);
        Assert.Contains("1 routing rule sends incidents to it", refused.Error);
        Assert.Contains("Routing page", refused.Error);
        await world.Rules.DeleteAsync(world.Admin, rule.Id!.Value);
        Assert.True((await teams.DeleteAsync(world.Admin, team)).Succeeded);
    }
}
