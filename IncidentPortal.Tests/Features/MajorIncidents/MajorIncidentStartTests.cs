using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>Declaring from scratch: the incident, its declaration and its children are stored together or not at all.</summary>
public class MajorIncidentStartTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    private async Task<MajorIncidentStart> StartOnVpnAsync(string title, string commanderId, params int[] link)
    {
        await using var db = await host.DbAsync();
        var vpn = await db.Services.SingleAsync(s => s.Name == "VPN");
        return new MajorIncidentStart(new IncidentDraft(title, "Nobody can connect.", Impact.High, Urgency.High, IncidentSource.Portal, vpn.Id, null),
            Severity.Sev1, commanderId, "Every remote worker is cut off", link);
    }

    private async Task<(int Incidents, int Majors)> CountAsync()
    {
        await using var db = await host.DbAsync();
        return (await db.Incidents.CountAsync(), await db.MajorIncidents.CountAsync());
    }

    [Fact]
    public async Task A_manager_logs_declares_and_links_the_reports_in_one_step()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var first = await host.ReportAsync(reporter, "VPN drops");
        var second = await host.ReportAsync(reporter, "VPN will not connect");

        var started = await Service.StartAsync(manager, await StartOnVpnAsync("VPN outage", agent.UserId, first.Id, second.Id));

        await using var db = await host.DbAsync();
        var major = await db.MajorIncidents.Include(m => m.Roles).Include(m => m.Children).SingleAsync(m => m.Id == started.MajorIncidentId);
        var incident = await db.Incidents.SingleAsync(i => i.Id == started.IncidentId);
        Assert.Equal(("VPN outage", IncidentSource.Agent, manager.UserId), (incident.Title, incident.Source, incident.ReporterId));
        Assert.Equal((MajorIncidentState.Declared, Severity.Sev1, agent.Name), (major.State, major.Severity, major.Commander?.Name));
        Assert.Equal([first.Id, second.Id], major.Children.Select(c => c.IncidentId).Order());
    }

    [Fact]
    public async Task A_refused_declaration_leaves_no_incident_behind()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var before = await CountAsync();

        // A reporter cannot command: the incident logged a moment earlier in the same transaction is rolled back.
        var refused = await Assert.ThrowsAsync<MajorIncidentRuleException>(async () =>
            await Service.StartAsync(manager, await StartOnVpnAsync("VPN outage (bad commander)", reporter.UserId)));
        Assert.Equal("Only agents, incident managers and admins take part in a response.", refused.Message);
        Assert.Equal(before, await CountAsync());

        // A report that is already part of another major incident refuses the whole step too.
        var report = await host.ReportAsync(reporter, "VPN slow");
        var other = await Service.StartAsync(manager, await StartOnVpnAsync("VPN outage one", manager.UserId, report.Id));
        var afterFirst = await CountAsync();
        var taken = await Assert.ThrowsAsync<MajorIncidentRuleException>(async () =>
            await Service.StartAsync(manager, await StartOnVpnAsync("VPN outage two", manager.UserId, report.Id)));
        Assert.StartsWith("Already part of another major incident", taken.Message);
        Assert.Equal(afterFirst, await CountAsync());
        await using var db = await host.DbAsync();
        Assert.False(await db.Incidents.AnyAsync(i => i.Title == "VPN outage two" || i.Title == "VPN outage (bad commander)"));
        Assert.Equal(other.MajorIncidentId, await db.Set<LinkedIncident>().Where(l => l.IncidentId == report.Id).Select(l => l.MajorIncidentId).SingleAsync());
    }

    [Fact]
    public async Task Only_incident_managers_and_admins_start_one_and_reporters_never_reach_it()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var before = await CountAsync();

        await Assert.ThrowsAsync<MajorIncidentRuleException>(async () => await Service.StartAsync(agent, await StartOnVpnAsync("Agent's outage", agent.UserId)));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(async () =>
            await Service.StartAsync(reporter, await StartOnVpnAsync("Reporter's outage", agent.UserId)));
        Assert.Equal(before, await CountAsync());
    }
}
