using System.Net;
using AngleSharp.Html.Parser;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>The major-incident pages over real HTTP: staff see the list, managers declare, reporters never see any of it.</summary>
public sealed class MajorIncidentPageAccessTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    public static TheoryData<string, string?, HttpStatusCode, string?> Matrix => new()
    {
        { "/major-incidents", null, HttpStatusCode.Redirect, null },
        { "/major-incidents", DemoAccounts.Reporter, HttpStatusCode.Forbidden, null },
        { "/major-incidents", DemoAccounts.Agent, HttpStatusCode.OK, "Major incidents" },
        { "/major-incidents", DemoAccounts.Manager, HttpStatusCode.OK, "Major incidents" },
        { "/major-incidents/new", null, HttpStatusCode.Redirect, null },
        { "/major-incidents/new", DemoAccounts.Reporter, HttpStatusCode.Forbidden, null },
        { "/major-incidents/new", DemoAccounts.Agent, HttpStatusCode.Forbidden, null },
        { "/major-incidents/new", DemoAccounts.Manager, HttpStatusCode.OK, "Declare a major incident" },
        { "/major-incidents/new", DemoAccounts.Admin, HttpStatusCode.OK, "Declare a major incident" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_what_it_may(string path, string? who, HttpStatusCode expected, string? heading)
    {
        using var client = who is null ? portal.CreatePortalClient() : await portal.SignInDemoAsync(who);
        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode == expected, $"{who ?? "anonymous"} GET {path}: {(int)response.StatusCode}");
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        if (heading is not null)
            Assert.Equal(heading, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_reporter_of_a_major_incident_sees_neither_its_banner_nor_the_nav_link_and_the_agent_sees_both()
    {
        var reporter = await portal.ReporterAsync();
        var manager = await portal.ManagerAsync();
        var incident = await portal.Get<IncidentPortal.Features.Incidents.IncidentService>().ReportAsync(reporter,
            new IncidentPortal.Features.Incidents.IncidentDraft("Mail is down for everyone", null, IncidentPortal.Features.Incidents.Impact.High,
                IncidentPortal.Features.Incidents.Urgency.High, IncidentPortal.Features.Incidents.IncidentSource.Portal, null, null));
        await portal.Get<MajorIncidentService>().DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, "Company-wide");

        using var asReporter = await portal.SignInDemoAsync(DemoAccounts.Reporter);
        var reporterPage = new HtmlParser().ParseDocument(await asReporter.Http.GetStringAsync($"/incidents/{incident.Id}"));
        Assert.Contains("Mail is down for everyone", reporterPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("major incident", reporterPage.Body.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(reporterPage.QuerySelectorAll("a[href^='major-incidents']"));

        using var asAgent = await portal.SignInDemoAsync(DemoAccounts.Agent);
        var agentPage = new HtmlParser().ParseDocument(await asAgent.Http.GetStringAsync($"/incidents/{incident.Id}"));
        Assert.Contains($"Major incident · SEV1 · commander {manager.Name} · Declared", agentPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(agentPage.QuerySelector("a[href='major-incidents']"));
        Assert.NotNull(agentPage.QuerySelector("a[href^='major-incidents/']"));
    }
}
