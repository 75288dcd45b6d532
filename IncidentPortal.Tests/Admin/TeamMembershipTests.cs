using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

public sealed class TeamMembershipTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private TeamAdminService Teams => portal.Get<TeamAdminService>();

    [Fact]
    public async Task Staff_are_added_and_removed_and_the_list_shows_their_roles()
    {
        var admin = await portal.AdminAsync();
        var manager = await portal.ManagerAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;
        var (_, candidates) = await Teams.MembersAsync(admin, team);
        Assert.Contains(candidates, c => c.UserId == manager.UserId);

        Assert.True((await Teams.AddMemberAsync(admin, team, manager.UserId)).Succeeded);

        var (members, after) = await Teams.MembersAsync(admin, team);
        var member = Assert.Single(members);
        Assert.Equal("Morgan Manager", member.Name);
        Assert.Equal(new[] { Roles.Reporter, Roles.Agent, Roles.IncidentManager }, member.Roles);
        Assert.DoesNotContain(after, c => c.UserId == manager.UserId);
        Assert.Equal(1, (await Teams.ListAsync(admin)).Single(t => t.Id == team).MemberCount);

        Assert.True((await Teams.RemoveMemberAsync(admin, team, manager.UserId)).Succeeded);
        Assert.Empty((await Teams.MembersAsync(admin, team)).Members);
    }

    [Fact]
    public async Task Reporters_cannot_join_a_team_and_are_not_offered()
    {
        var admin = await portal.AdminAsync();
        var reporter = await portal.ReporterAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;

        var refused = await Teams.AddMemberAsync(admin, team, reporter.UserId);

        Assert.Equal(TeamAdminService.MemberField, refused.Field);
        Assert.Contains("not an agent", refused.Error);
        Assert.DoesNotContain((await Teams.MembersAsync(admin, team)).Candidates, c => c.UserId == reporter.UserId);
        await using var db = await portal.DbAsync();
        Assert.Empty((await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == team)).Members);
    }

    [Fact]
    public async Task Adding_someone_twice_is_refused()
    {
        var admin = await portal.AdminAsync();
        var agent = await portal.AgentAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;
        await Teams.AddMemberAsync(admin, team, agent.UserId);

        var again = await Teams.AddMemberAsync(admin, team, agent.UserId);

        Assert.Equal(TeamAdminService.MemberField, again.Field);
        Assert.Contains("already in", again.Error);
    }

    [Fact]
    public async Task Removing_a_member_who_still_works_open_incidents_of_the_team_says_how_many()
    {
        var admin = await portal.AdminAsync();
        var agent = await portal.AgentAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;
        await Teams.AddMemberAsync(admin, team, agent.UserId);
        var incidents = portal.Get<IncidentService>();
        var incident = await incidents.ReportAsync(await portal.ReporterAsync(),
            new IncidentDraft("Scanner jammed", null, Impact.Low, Urgency.Medium, IncidentSource.Portal, null, null));
        await incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(team, agent.UserId));

        var removed = await Teams.RemoveMemberAsync(admin, team, agent.UserId);

        Assert.True(removed.Succeeded);
        Assert.Contains("still has 1 open incident", removed.Notice);
        Assert.Equal(1, (await Teams.ListAsync(admin)).Single(t => t.Id == team).OpenIncidentCount);
    }
}
