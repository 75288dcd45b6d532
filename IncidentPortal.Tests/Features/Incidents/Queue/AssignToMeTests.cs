using IncidentPortal.Features.Incidents;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>"Assign to me" from the queue: which team the incident lands in, and what the queue shows afterwards.</summary>
public sealed class AssignToMeTests : IAsyncLifetime
{
    private readonly QueueWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task An_incident_of_one_of_my_teams_stays_in_that_team()
    {
        var updated = await world.Queue.AssignToMeAsync(world.Me, world.Ids["cert"]);

        Assert.Equal((world.Teams["Network"], world.Me.UserId, world.Colleague.UserId), (updated.TeamId, updated.AssigneeId, updated.PreviousAssigneeId));
        var mine = await world.Queue.GetAsync(world.Me, new QueueQuery { View = QueueView.MyWork });
        Assert.Equal(["vpn", "cert", "backup"], world.Keys(mine));
        Assert.Equal(0, (await world.Queue.GetAsync(world.Colleague, new QueueQuery())).ViewCounts[QueueView.MyWork]);
    }

    [Fact]
    public async Task An_incident_of_another_team_or_of_none_moves_to_my_first_team()
    {
        var payroll = await world.Queue.AssignToMeAsync(world.Me, world.Ids["payroll"]);
        var laptop = await world.Queue.AssignToMeAsync(world.Me, world.Ids["laptop"]);

        // "Me" is in Database and Network; teams are taken in name order.
        Assert.Equal((world.Teams["Database"], world.Me.UserId), (payroll.TeamId, payroll.AssigneeId));
        Assert.Equal((world.Teams["Database"], world.Me.UserId, IncidentStatus.Assigned), (laptop.TeamId, laptop.AssigneeId, laptop.Status));
        var unassigned = await world.Queue.GetAsync(world.Me, new QueueQuery { View = QueueView.Unassigned });
        Assert.Equal(["dns"], world.Keys(unassigned));
    }

    [Fact]
    public async Task Taking_an_incident_someone_else_took_since_the_queue_showed_it_is_refused()
    {
        var seen = (await world.Queue.GetAsync(world.Me, new QueueQuery { Search = "laptop" })).Rows.Single();
        await world.Queue.AssignToMeAsync(world.Colleague, seen.Id, seen.Version);

        var refused = await Assert.ThrowsAsync<IncidentConflictException>(() => world.Queue.AssignToMeAsync(world.Me, seen.Id, seen.Version));

        Assert.NotEmpty(refused.Missed);
        var now = (await world.Queue.GetAsync(world.Me, new QueueQuery { Search = "laptop" })).Rows.Single();
        Assert.Equal(world.Colleague.UserId, now.AssigneeId);
    }

    [Fact]
    public async Task An_agent_without_a_team_is_told_why_and_nothing_changes()
    {
        var before = await world.Queue.GetAsync(world.Me, new QueueQuery { Search = "laptop" });

        var refused = await Assert.ThrowsAsync<IncidentRuleException>(() => world.Queue.AssignToMeAsync(world.Lonely, world.Ids["laptop"]));

        Assert.Contains("not a member of any team", refused.Message);
        var after = await world.Queue.GetAsync(world.Me, new QueueQuery { Search = "laptop" });
        Assert.Equal(before.Rows.Single(), after.Rows.Single());
    }

    [Fact]
    public async Task Assigning_publishes_the_change_for_live_pages()
    {
        var seen = new List<IncidentUpdated>();
        using var subscription = world.Events.Subscribe<IncidentUpdated>(e => { seen.Add(e); return Task.CompletedTask; });

        await world.Queue.AssignToMeAsync(world.Me, world.Ids["dns"]);

        var published = Assert.Single(seen);
        Assert.Equal((world.Ids["dns"], world.Me.UserId, (string?)null), (published.IncidentId, published.AssigneeId, published.PreviousAssigneeId));
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found() =>
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => world.Queue.AssignToMeAsync(world.Me, 987654));

    [Theory]
    [InlineData(2, new[] { 1, 2 }, 2)]
    [InlineData(3, new[] { 1, 2 }, 1)]
    [InlineData(null, new[] { 5 }, 5)]
    [InlineData(3, new int[0], null)]
    public void The_team_rule(int? incidentTeam, int[] myTeams, int? expected) =>
        Assert.Equal(expected, QueueService.TeamForAssignToMe(incidentTeam, myTeams));
}
