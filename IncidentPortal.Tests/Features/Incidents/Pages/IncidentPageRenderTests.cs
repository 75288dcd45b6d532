using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Incidents.Pages;

/// <summary>/incidents/{id} as served (server-rendered HTML): who sees what, and "not found" is a page, never an error.</summary>
public sealed class IncidentPageRenderTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private const string DemoPassword = "Demo!Pass1";

    [Fact]
    public async Task Each_person_gets_their_view_and_the_reporters_html_holds_no_internal_note()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(reporter, "Badge reader rejects my card");
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("INTERNAL-ONLY: card batch 7 is faulty", IsPublic: false));
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AddComment("We are ordering you a new card.", IsPublic: true));

        using var asReporter = await host.SignInAsync(DemoEmails.Reporter, DemoPassword);
        using var asAgent = await host.SignInAsync(DemoEmails.Agent, DemoPassword);
        using var asStranger = await host.SignInAsync(DemoEmails.OtherReporter, DemoPassword);
        var reporterHtml = (await asReporter.GetDocumentAsync($"/incidents/{incident.Id}")).DocumentElement.OuterHtml;
        var agentHtml = (await asAgent.GetDocumentAsync($"/incidents/{incident.Id}")).DocumentElement.OuterHtml;
        var stranger = await asStranger.GetDocumentAsync($"/incidents/{incident.Id}");

        Assert.Contains("Badge reader rejects my card", reporterHtml);
        Assert.Contains("We are ordering you a new card.", reporterHtml);
        Assert.DoesNotContain("INTERNAL-ONLY", reporterHtml);
        Assert.DoesNotContain("Internal work note", reporterHtml);
        Assert.Contains("INTERNAL-ONLY: card batch 7 is faulty", agentHtml);
        Assert.Contains("Internal work note", agentHtml);
        Assert.Equal("Incident not found", stranger.Heading());
        Assert.DoesNotContain("Badge reader", stranger.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_missing_incident_is_the_same_not_found_page()
    {
        using var asReporter = await host.SignInAsync(DemoEmails.Reporter, DemoPassword);

        var page = await asReporter.GetDocumentAsync("/incidents/999999");

        Assert.Equal("Incident not found", page.Heading());
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var anonymous = host.CreatePortalClient();

        using var response = await anonymous.GetAsync("/incidents/1");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }
}
