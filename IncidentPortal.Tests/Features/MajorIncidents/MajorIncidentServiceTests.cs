using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

public class MajorIncidentServiceTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    private async Task<MajorIncident> StoredAsync(int id)
    {
        await using var db = await host.DbAsync();
        return await db.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task An_agent_proposes_only_a_manager_accepts_and_the_commander_is_a_named_member_of_staff()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "Payroll down");

        var id = await Service.ProposeAsync(agent, incident.Id, "All of finance is blocked");
        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.AcceptAsync(agent, id, Severity.Sev1, agent.UserId));
        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.AcceptAsync(manager, id, Severity.Sev1, reporter.UserId));
        Assert.Equal(MajorIncidentState.Proposed, (await StoredAsync(id)).State);

        await Service.AcceptAsync(manager, id, Severity.Sev1, agent.UserId);
        var major = await StoredAsync(id);
        Assert.Equal(MajorIncidentState.Declared, major.State);
        Assert.Equal(agent.Name, major.Commander?.Name);
        Assert.Contains(major.Log, e => e.Text == $"{agent.Name} is the incident commander");
    }

    [Fact]
    public async Task Reporters_never_reach_a_response()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "Printers down");
        var id = await Service.DeclareAsync(manager, incident.Id, Severity.Sev2, manager.UserId, null);

        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.ProposeAsync(reporter, incident.Id, "big"));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.PostAsync(reporter, id, LogEntryKind.Note, "hi"));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Service.SetBridgeAsync(reporter, id, "https://meet.example.com"));
        Assert.DoesNotContain((await StoredAsync(id)).Log, e => e.Text == "hi");
    }

    [Fact]
    public async Task An_incident_is_proposed_or_declared_once()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "Wi-Fi down");
        await Service.ProposeAsync(agent, incident.Id, "Whole floor");
        var refused = await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, null));
        Assert.Equal("This incident has already been proposed as a major incident.", refused.Message);
    }

    [Fact]
    public async Task Only_a_manager_or_the_commander_hands_over_command_and_anyone_in_staff_posts()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "CRM down");
        var id = await Service.DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, "Sales blocked");

        await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.AssignRoleAsync(agent, id, ResponseRole.Commander, agent.UserId));
        await Service.AssignRoleAsync(agent, id, ResponseRole.Responder, agent.UserId);
        await Service.PostAsync(agent, id, LogEntryKind.Fact, "CRM database is read-only");
        await Service.AssignRoleAsync(manager, id, ResponseRole.Commander, agent.UserId);
        // Now the commander, the agent may hand command back.
        await Service.AssignRoleAsync(agent, id, ResponseRole.Commander, manager.UserId);

        var major = await StoredAsync(id);
        Assert.Equal(manager.UserId, major.Commander?.UserId);
        var fact = major.Log.Single(e => e.Kind == LogEntryKind.Fact);
        await Service.PinAsync(agent, id, fact.Id, pinned: true);
        Assert.True((await StoredAsync(id)).Log.Single(e => e.Id == fact.Id).Pinned);
    }
}
