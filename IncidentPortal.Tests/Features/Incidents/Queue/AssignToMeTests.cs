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

    /// <summary>Regression, defect 1: "Assign to me" moved the incident silently into the agent's first team.</summary>
    [Fact]
    public async Task An_incident_of_another_team_is_not_moved_silently_the_agent_is_asked_which_team()
    {
        var asked = await Assert.ThrowsAsync<TeamChoiceRequiredException>(() => world.Queue.AssignToMeAsync(world.Me, world.Ids["payroll"]));

        Assert.Equal(["Database", "Network"], asked.Teams.Select(t => t.Name));
        var untouched = (await world.Queue.GetAsync(world.Me, new QueueQuery { Search = "payroll" })).Rows.Single();
        Assert.Equal((world.Teams["Applications"], world.Outsider.UserId), (untouched.TeamId, untouched.AssigneeId));

        var taken = await world.Queue.AssignToMeAsync(world.Me, world.Ids["payroll"], teamId: world.Teams["Network"]);

        Assert.Equal((world.Teams["Network"], world.Me.UserId), (taken.TeamId, taken.AssigneeId));
    }

    [Fact]
    public async Task An_incident_without_a_team_goes_to_my_only_team_and_asks_an_agent_of_several()
    {
        await Assert.ThrowsAsync<TeamChoiceRequiredException>(() => world.Queue.AssignToMeAsync(world.Me, world.Ids["laptop"]));

        var laptop = await world.Queue.AssignToMeAsync(world.Colleague, world.Ids["laptop"]);

        Assert.Equal((world.Teams["Network"], world.Colleague.UserId, IncidentStatus.Assigned), (laptop.TeamId, laptop.AssigneeId, laptop.Status));
    }

    [Fact]
    public async Task A_team_the_agent_is_not_in_cannot_be_chosen()
    {
        var refused = await Assert.ThrowsAsync<IncidentRuleException>(() =>
            world.Queue.AssignToMeAsync(world.Me, world.Ids["payroll"], teamId: world.Teams["Applications"]));

        Assert.Contains("one of your own teams", refused.Message);
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
    [InlineData(3, new[] { 1, 2 }, null)]
    [InlineData(3, new[] { 1 }, null)]
    [InlineData(null, new[] { 5 }, 5)]
    [InlineData(null, new[] { 5, 6 }, null)]
    [InlineData(3, new int[0], null)]
    public void The_team_rule(int? incidentTeam, int[] myTeams, int? expected) =>
        Assert.Equal(expected, QueueService.TeamForAssignToMe(incidentTeam, myTeams));
}
