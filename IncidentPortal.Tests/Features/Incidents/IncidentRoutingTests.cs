using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPortal.Tests.Features.Incidents;

public class IncidentRoutingTests
{
    [Fact]
    public void A_routed_report_waits_in_the_team_queue_still_new()
    {
        var incident = Incident.Report(3, new IncidentDraft("VPN down", null, Impact.Low, Urgency.Low, IncidentSource.Portal, 1, null),
            "r", IncidentBuilder.Reporter, PriorityMatrix.ItilDefault, routeTo: IncidentBuilder.Network);
        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Equal(IncidentBuilder.Network.Id, incident.AssignmentGroupId);
        Assert.Null(incident.AssigneeId);
        Assert.Contains(incident.Activities, a => a.Field == "Team" && a.NewValue == "Network" && !a.IsPublic);
    }

    [Fact]
    public async Task Reporting_against_a_service_routes_to_its_support_team()
    {
        await using var database = await TestDatabase.CreateAsync();
        var reporter = await database.AddUserAsync("reporter");
        int teamId, supported, unsupported;
        await using (var db = database.Factory.CreateDbContext())
        {
            var team = new Team { Name = "Network" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            db.Services.Add(new() { Name = "VPN", SupportTeamId = team.Id });
            db.Services.Add(new() { Name = "Coffee machine" });
            await db.SaveChangesAsync();
            (teamId, supported, unsupported) = (team.Id, db.Services.Single(s => s.Name == "VPN").Id, db.Services.Single(s => s.Name == "Coffee machine").Id);
        }
        var incidents = new IncidentService(database.Factory, new PriorityMatrixService(database.Factory),
            new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), TimeProvider.System);
        var actor = new Actor(reporter.Id, "reporter", false, false, false);

        var routed = await incidents.ReportAsync(actor, new IncidentDraft("VPN down", null, Impact.Low, Urgency.Low, IncidentSource.Portal, supported, null));
        var unrouted = await incidents.ReportAsync(actor, new IncidentDraft("No coffee", null, Impact.Low, Urgency.Low, IncidentSource.Portal, unsupported, null));

        await using var check = database.Factory.CreateDbContext();
        Assert.Equal(teamId, (await check.Incidents.SingleAsync(i => i.Id == routed.Id)).AssignmentGroupId);
        Assert.Null((await check.Incidents.SingleAsync(i => i.Id == unrouted.Id)).AssignmentGroupId);
    }

    [Fact]
    public async Task Only_agents_may_log_an_incident_for_someone_else()
    {
        await using var database = await TestDatabase.CreateAsync();
        var reporter = await database.AddUserAsync("reporter");
        var other = await database.AddUserAsync("other");
        var agent = await database.AddUserAsync("agent");
        var incidents = new IncidentService(database.Factory, new PriorityMatrixService(database.Factory),
            new InProcessEventBus(NullLogger<InProcessEventBus>.Instance), TimeProvider.System);
        var draft = new IncidentDraft("Printer offline", null, Impact.Low, Urgency.Low, IncidentSource.Agent, null, null);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            incidents.ReportAsync(new Actor(reporter.Id, "reporter", false, false, false), draft, other.Id));
        var logged = await incidents.ReportAsync(new Actor(agent.Id, "agent", true, false, false), draft, other.Id);

        await using var db = database.Factory.CreateDbContext();
        var stored = await db.Incidents.SingleAsync();
        Assert.Equal((logged.Id, other.Id, agent.Id), (stored.Id, stored.ReporterId, stored.LoggedById));
    }
}
