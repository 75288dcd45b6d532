using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>The incident managers hear of a proposal; the proposer hears how they decided — once each.</summary>
public class ProposalNoticesTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    private async Task<List<(string Title, string? Link)>> NoticesAsync(string userId, int incidentId)
    {
        await using var db = await host.DbAsync();
        return [.. (await db.Notifications.Where(n => n.UserId == userId && n.IncidentId == incidentId).OrderBy(n => n.Id)
            .Select(n => new { n.Title, n.Link }).ToListAsync()).Select(n => (n.Title, n.Link))];
    }

    [Fact]
    public async Task Managers_are_told_of_a_proposal_and_the_agent_of_the_acceptance()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "Payroll run fails");

        var id = await Service.ProposeAsync(agent, incident.Id, "Nobody gets paid");
        Assert.Equal([($"{incident.Reference} proposed as a major incident", $"/incidents/{incident.Id}")], await NoticesAsync(manager.UserId, incident.Id));
        Assert.Empty(await NoticesAsync(agent.UserId, incident.Id));

        await Service.AcceptAsync(manager, id, Severity.Sev1, manager.UserId);
        // Later changes are not taken for the decision again.
        await Service.PostAsync(manager, id, LogEntryKind.Note, "Payroll vendor called");
        await Service.SetBridgeAsync(manager, id, "https://meet.example.com/payroll");
        Assert.Equal([($"{incident.Reference} is now a SEV1 major incident", $"/major-incidents/{id}")], await NoticesAsync(agent.UserId, incident.Id));
        Assert.Single(await NoticesAsync(manager.UserId, incident.Id));
    }

    [Fact]
    public async Task The_agent_hears_why_a_proposal_was_rejected()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, "One printer jams");

        var id = await Service.ProposeAsync(agent, incident.Id, "It is the CEO's printer");
        await Service.RejectAsync(manager, id, "One printer, one user: a normal incident");

        await using var db = await host.DbAsync();
        var notice = await db.Notifications.SingleAsync(n => n.UserId == agent.UserId && n.IncidentId == incident.Id);
        Assert.Equal($"{incident.Reference} was not declared a major incident", notice.Title);
        Assert.Contains("One printer, one user: a normal incident", notice.Body);
    }
}
