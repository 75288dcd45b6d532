using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Features.Routing;

/// <summary>Rule administration on a migrated SQLite file: field-level refusals that store nothing, ordering, previews, access.</summary>
public sealed class RoutingAdminServiceTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin", "Admin", true, false, true);
    private static readonly Actor Agent = new("agent", "Agent", true, false, false);
    private TestDatabase database = null!;
    private RoutingAdminService rules = null!;
    private int network, database_, vpn, networkCategory, vpnCategory;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        rules = new RoutingAdminService(database.Factory);
        await using var db = database.Factory.CreateDbContext();
        Team net = new() { Name = "Network" }, dbTeam = new() { Name = "Database" };
        db.Teams.AddRange(net, dbTeam);
        await db.SaveChangesAsync();
        var service = new BusinessService { Name = "VPN", SupportTeamId = net.Id };
        var parent = new Category { Name = "Network" };
        var child = new Category { Name = "VPN", Parent = parent };
        db.AddRange(service, parent, child);
        await db.SaveChangesAsync();
        (network, database_, vpn, networkCategory, vpnCategory) = (net.Id, dbTeam.Id, service.Id, parent.Id, child.Id);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static RoutingRuleInput Input(string name, int? team, string keywords = "", int[]? categories = null, int[]? services = null) =>
        new(name, true, team, null, categories ?? [], services ?? [], [], [], keywords);

    private async Task<int> RuleCountAsync()
    {
        await using var db = database.Factory.CreateDbContext();
        return await db.RoutingRules.CountAsync();
    }

    [Fact]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_stored()
    {
        Assert.True((await rules.CreateAsync(Admin, Input("VPN outages", network, "vpn"))).Succeeded);

        var cases = new (RoutingRuleInput Input, string Field, string Message)[]
        {
            (Input("  ", network), RoutingAdminService.NameField, "Give the rule a name."),
            (Input("vpn OUTAGES", network), RoutingAdminService.NameField, "There is already a rule called \"vpn OUTAGES\"."),
            (Input("No team", null), RoutingAdminService.TeamField, "Choose the team that matching incidents go to."),
            (Input("Gone team", 999), RoutingAdminService.TeamField, "That team no longer exists; choose another."),
            (Input("Gone category", network, categories: [999]), RoutingAdminService.CategoriesField, "A chosen category no longer exists; choose again."),
            (Input("Gone service", network, services: [999]), RoutingAdminService.ServicesField, "A chosen service no longer exists; choose again."),
            (Input("Punctuation", network, "vpn, --"), RoutingAdminService.KeywordsField, "\"--\" has no letters or digits, so it can never match a word."),
            (Input("Too many", network, string.Join(",", Enumerable.Range(1, 31).Select(i => $"w{i}"))), RoutingAdminService.KeywordsField,
                "Use at most 30 keywords (this has 31)."),
        };
        foreach (var (input, field, message) in cases)
        {
            var result = await rules.CreateAsync(Admin, input);
            Assert.False(result.Succeeded, input.Name);
            Assert.Equal((field, message), (result.Field, result.Error));
        }
        Assert.Equal(1, await RuleCountAsync());
    }

    [Fact]
    public async Task New_rules_go_last_and_move_up_and_down_one_place_at_a_time()
    {
        var a = (await rules.CreateAsync(Admin, Input("A", network, "a"))).Id!.Value;
        var b = (await rules.CreateAsync(Admin, Input("B", network, "b"))).Id!.Value;
        var c = (await rules.CreateAsync(Admin, Input("C", network, "c"))).Id!.Value;
        Assert.Equal(["A", "B", "C"], (await rules.ListAsync(Admin)).Select(r => r.Name));

        await rules.MoveAsync(Admin, c, up: true);
        Assert.Equal(["A", "C", "B"], (await rules.ListAsync(Admin)).Select(r => r.Name));
        await rules.MoveAsync(Admin, a, up: false);
        Assert.Equal(["C", "A", "B"], (await rules.ListAsync(Admin)).Select(r => r.Name));
        await rules.MoveAsync(Admin, c, up: true); // already first: nothing changes
        await rules.DeleteAsync(Admin, a);
        await rules.MoveAsync(Admin, b, up: true);
        var listed = await rules.ListAsync(Admin);
        Assert.Equal(["B", "C"], listed.Select(r => r.Name));
        Assert.Equal([1, 2], listed.Select(r => r.Position));
    }

    [Fact]
    public async Task The_list_describes_conditions_in_words_and_an_edit_round_trips_through_the_editor_input()
    {
        var id = (await rules.CreateAsync(Admin, new RoutingRuleInput("VPN P1", true, database_, Priority.P2, [networkCategory], [vpn],
            [Priority.P1], [IncidentSource.Email], " vpn ,  remote  access "))).Id!.Value;
        var row = Assert.Single(await rules.ListAsync(Admin));
        Assert.Equal(["Category: Network", "Service: VPN", "Priority: P1", "Source: Email", "Words: \"vpn\", \"remote access\""], row.Conditions);
        Assert.Equal(("Database", (Priority?)Priority.P2, "vpn, remote access"), (row.TeamName, row.RaisePriorityTo, row.Input.Keywords));

        Assert.True((await rules.UpdateAsync(Admin, id, row.Input with { IsEnabled = false, Keywords = "tunnel" })).Succeeded);
        var edited = Assert.Single(await rules.ListAsync(Admin));
        Assert.Equal((false, "tunnel"), (edited.IsEnabled, edited.Input.Keywords));
    }

    [Fact]
    public async Task The_preview_names_the_rule_that_would_fire_and_otherwise_the_support_team()
    {
        await rules.CreateAsync(Admin, new RoutingRuleInput("Network P2", true, database_, Priority.P2, [networkCategory], [], [], [], ""));
        var fires = await rules.PreviewAsync(Admin, new RoutingPreviewInput("Tunnel down", null, vpn, vpnCategory, Priority.P4, IncidentSource.Portal));
        Assert.Equal("Rule 'Network P2' fires: routed to Database. Its priority is raised from P4 to P2.", fires.Summary);
        var fallback = await rules.PreviewAsync(Admin, new RoutingPreviewInput("Tunnel down", null, vpn, null, Priority.P4, IncidentSource.Portal));
        Assert.Equal((null, "Network"), (fallback.RuleName, fallback.TeamName));
        var nowhere = await rules.PreviewAsync(Admin, new RoutingPreviewInput("Printer", null, null, null, Priority.P4, IncidentSource.Portal));
        Assert.Null(nowhere.TeamName);
    }

    [Fact]
    public async Task Only_admins_manage_rules_and_team_modes_and_only_staff_have_an_availability()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rules.ListAsync(Agent));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rules.CreateAsync(Agent, Input("X", network, "x")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rules.PreviewAsync(Agent,
            new RoutingPreviewInput("x", null, null, null, Priority.P3, IncidentSource.Portal)));
        var autoAssign = new AutoAssignmentService(database.Factory, new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), TimeProvider.System);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => autoAssign.SetModeAsync(Agent, network, AutoAssignMode.RoundRobin));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => autoAssign.SetAvailableAsync(new Actor("r", "Reporter", false, false, false), true));
        Assert.Equal(0, await RuleCountAsync());
    }
}
