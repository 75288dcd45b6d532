using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Incidents.Bulk;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>Bulk actions: each incident changed through the one-by-one service calls, its rules and concurrency its own.</summary>
public sealed class BulkActionTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();
    private BulkIncidentService bulk = null!;

    public async Task InitializeAsync()
    {
        await world.InitializeAsync();
        bulk = new BulkIncidentService(world.Db, world.Incidents, world.Queue);
    }

    public Task DisposeAsync() => world.DisposeAsync();

    private BulkTarget[] Targets(params string[] keys) => [.. keys.Select(k => new BulkTarget(world.Ids[k]))];

    [Fact]
    public async Task A_work_note_lands_on_each_incident_as_its_own_internal_entry()
    {
        var outcome = await bulk.ApplyAsync(world.Me, Targets("vpn", "dns", "backup"), new AddComment("Vendor ticket 4711 covers these.", IsPublic: false));

        Assert.Equal(3, outcome.Changed.Count);
        Assert.Empty(outcome.Failed);
        Assert.Equal("Added the work note to 3 incidents.", outcome.Summary("Added the work note to"));
        await using var db = await world.Db.CreateDbContextAsync();
        foreach (var key in new[] { "vpn", "dns", "backup" })
        {
            var note = await db.IncidentActivities.SingleAsync(a => a.IncidentId == world.Ids[key] && a.Text == "Vendor ticket 4711 covers these.");
            Assert.Equal((ActivityKind.WorkNote, false, world.Me.UserId), (note.Kind, note.IsPublic, note.ActorId));
        }
    }

    [Fact]
    public async Task Rules_apply_per_incident_and_the_summary_says_which_failed_and_why()
    {
        var outcome = await bulk.ApplyAsync(world.Me, Targets("dns", "backup", "oldvpn", "laptop"), new StartWork());

        Assert.Equal([world.Ids["backup"]], outcome.Changed);
        Assert.Equal("Changed the status of 1 of 4 incidents; 3 could not be changed.", outcome.Summary("Changed the status of"));
        var reasons = outcome.Failed.ToDictionary(f => f.Id, f => f.Reason);
        Assert.Equal("Assign the incident to someone before starting work.", reasons[world.Ids["dns"]]);
        Assert.Equal("Assign the incident to someone before starting work.", reasons[world.Ids["laptop"]]);
        Assert.Contains("Closed cannot move to In progress", reasons[world.Ids["oldvpn"]]);
        Assert.Contains($"INC-{world.Numbers["oldvpn"]:D6}: An incident that is Closed", string.Join("\n", outcome.Details));
        await using var db = await world.Db.CreateDbContextAsync();
        Assert.Equal(IncidentStatus.InProgress, (await db.Incidents.SingleAsync(i => i.Id == world.Ids["backup"])).Status);
        Assert.Equal(IncidentStatus.Assigned, (await db.Incidents.SingleAsync(i => i.Id == world.Ids["dns"])).Status);
    }

    [Fact]
    public async Task An_incident_changed_since_it_was_selected_is_refused_alone()
    {
        var page = await world.Queue.GetAsync(world.Me, new QueueQuery());
        var seen = page.Rows.Where(r => r.Id == world.Ids["vpn"] || r.Id == world.Ids["dns"]).Select(r => new BulkTarget(r.Id, r.Version)).ToList();
        await world.Incidents.ChangeAsync(world.Colleague, world.Ids["vpn"], null, new AddComment("Looking too", IsPublic: false));

        var outcome = await bulk.ApplyAsync(world.Me, seen, new OverridePriority(Priority.P1, "Board meeting at noon"));

        Assert.Equal([world.Ids["dns"]], outcome.Changed);
        var refused = Assert.Single(outcome.Failed);
        Assert.Equal(world.Ids["vpn"], refused.Id);
        Assert.Contains("changed it since you selected it", refused.Reason);
        await using var db = await world.Db.CreateDbContextAsync();
        Assert.Equal(Priority.P2, (await db.Incidents.SingleAsync(i => i.Id == world.Ids["vpn"])).Priority);
        Assert.Equal(Priority.P1, (await db.Incidents.SingleAsync(i => i.Id == world.Ids["dns"])).Priority);
    }

    [Fact]
    public async Task Bulk_assign_to_me_keeps_my_teams_and_moves_others_only_into_the_team_I_chose()
    {
        Assert.Equal(2, await bulk.CountOutsideMyTeamsAsync(world.Me, [world.Ids["cert"], world.Ids["payroll"], world.Ids["laptop"]]));

        var unasked = await bulk.AssignToMeAsync(world.Me, Targets("cert", "payroll"), teamForOthers: null);

        Assert.Equal([world.Ids["cert"]], unasked.Changed);
        Assert.Contains("not in one of your teams", Assert.Single(unasked.Failed).Reason);
        await using (var db = await world.Db.CreateDbContextAsync())
        {
            var payroll = await db.Incidents.SingleAsync(i => i.Id == world.Ids["payroll"]);
            Assert.Equal((world.Teams["Applications"], world.Outsider.UserId), (payroll.AssignmentGroupId, payroll.AssigneeId));
            Assert.Equal(world.Teams["Network"], (await db.Incidents.SingleAsync(i => i.Id == world.Ids["cert"])).AssignmentGroupId);
        }

        var chosen = await bulk.AssignToMeAsync(world.Me, Targets("payroll", "dns"), teamForOthers: world.Teams["Database"]);

        Assert.Equal(2, chosen.Changed.Count);
        await using var after = await world.Db.CreateDbContextAsync();
        Assert.Equal((world.Teams["Database"], world.Me.UserId), await after.Incidents.Where(i => i.Id == world.Ids["payroll"]).Select(i => ValueTuple.Create(i.AssignmentGroupId, i.AssigneeId)).SingleAsync());
        Assert.Equal((world.Teams["Network"], world.Me.UserId), await after.Incidents.Where(i => i.Id == world.Ids["dns"]).Select(i => ValueTuple.Create(i.AssignmentGroupId, i.AssigneeId)).SingleAsync());
    }

    [Fact]
    public async Task Select_all_matching_takes_every_match_not_only_the_page()
    {
        var query = new QueueQuery { TeamId = world.Teams["Network"], Take = 1 };
        Assert.Single((await world.Queue.GetAsync(world.Me, query)).Rows);

        var all = await world.Queue.MatchingIdsAsync(world.Me, query);

        Assert.Equal(new[] { "vpn", "dns", "cert" }.Select(k => world.Ids[k]).Order(), all.Order());
        Assert.Equal(3, await world.Queue.CountAsync(world.Me, query));
    }

    [Fact]
    public async Task Reporters_cannot_use_bulk_actions_and_public_replies_are_not_a_bulk_action()
    {
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => bulk.ApplyAsync(world.Reporter, Targets("vpn"), new AddComment("x", IsPublic: false)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bulk.ApplyAsync(world.Me, Targets("vpn"), new AddComment("Hello all", IsPublic: true)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => world.Queue.MatchingIdsAsync(world.Reporter, new QueueQuery()));
    }
}
