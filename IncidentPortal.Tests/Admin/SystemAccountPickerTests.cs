using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin.Users;
using IncidentPortal.Features.Escalation;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

/// <summary>
/// The monitoring account (reporter of alert incidents) is nobody to pick. The worst case is set up on purpose: data
/// from before the fix where it was made an agent and put in a team, so every picker would offer it if it could.
/// </summary>
public sealed class SystemAccountPickerTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private const string Monitoring = MonitoringAccount.UserId;

    [Fact]
    public async Task The_caller_picker_does_not_offer_the_monitoring_account()
    {
        var agent = await portal.AgentAsync();
        var directory = portal.Get<UserDirectory>();

        var everyone = await directory.SearchAsync(agent, null, take: 1000);
        var byName = await directory.SearchAsync(agent, MonitoringAccount.DisplayName);

        Assert.Contains(everyone, u => u.Id == agent.UserId);
        Assert.DoesNotContain(everyone, u => u.Id == Monitoring);
        Assert.DoesNotContain(byName, u => u.Id == Monitoring);
    }

    [Fact]
    public async Task Assignee_owner_lead_reviewer_and_escalation_pickers_skip_it_even_when_it_is_an_agent_in_a_team()
    {
        var admin = await portal.AdminAsync();
        var agent = await portal.AgentAsync();
        var team = await TeamWithAgentAndMonitoringAsync(admin, agent);

        var members = (await portal.Get<IncidentChoices>().LoadAsync()).MembersOf(team).Select(m => m.Id).ToList();
        var leads = (await portal.Get<EscalationMatrixService>().LoadAsync(admin)).Teams.Single(t => t.TeamId == team).Members.Select(m => m.Id).ToList();
        var stepPeople = (await portal.Get<EscalationPolicyAdminService>().ChoicesAsync(admin)).People.Select(p => p.Id).ToList();
        var reviewers = (await portal.Get<ReviewQueries>().ReviewerChoicesAsync(admin)).Select(p => p.Id).ToList();
        await using var db = await portal.DbAsync();
        var autoAssign = (await AutoAssigner.CandidatesAsync(db, team, DateTime.UtcNow, CancellationToken.None)).Select(c => c.UserId).ToList();

        foreach (var picker in new[] { members, leads, stepPeople, reviewers, autoAssign })
        {
            Assert.Contains(agent.UserId, picker);
            Assert.DoesNotContain(Monitoring, picker);
        }
    }

    [Fact]
    public async Task Team_admin_neither_offers_nor_adds_it()
    {
        var admin = await portal.AdminAsync();
        var teams = portal.Get<TeamAdminService>();
        var team = (await teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;
        await MakeMonitoringAnAgentAsync();

        var (_, candidates) = await teams.MembersAsync(admin, team);
        var refused = await teams.AddMemberAsync(admin, team, Monitoring);

        Assert.Contains(candidates, c => c.UserId == admin.UserId);
        Assert.DoesNotContain(candidates, c => c.UserId == Monitoring);
        Assert.Equal(TeamAdminService.MemberField, refused.Field);
        Assert.Contains("system account", refused.Error);
        await using var db = await portal.DbAsync();
        Assert.Empty((await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == team)).Members);
    }

    private async Task<int> TeamWithAgentAndMonitoringAsync(Actor admin, Actor agent)
    {
        var teams = portal.Get<TeamAdminService>();
        var team = (await teams.CreateAsync(admin, new TeamInput(Unique("Crew"), ""))).Id!.Value;
        Assert.True((await teams.AddMemberAsync(admin, team, agent.UserId)).Succeeded);
        await MakeMonitoringAnAgentAsync();
        // Written past the services, as older data could hold it: they now refuse to put a system account in a team.
        await using var db = await portal.DbAsync();
        var monitoring = await db.Users.SingleAsync(u => u.Id == Monitoring);
        (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == team)).Members.Add(monitoring);
        await db.SaveChangesAsync();
        return team;
    }

    /// <summary>Straight into the role table: Identity's validation refuses an account without e-mail, as this one is.</summary>
    private async Task MakeMonitoringAnAgentAsync()
    {
        await using var db = await portal.DbAsync();
        var agentRole = await db.Roles.Where(r => r.Name == Roles.Agent).Select(r => r.Id).SingleAsync();
        if (await db.UserRoles.AnyAsync(ur => ur.UserId == Monitoring && ur.RoleId == agentRole)) return;
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = Monitoring, RoleId = agentRole });
        await db.SaveChangesAsync();
    }
}
