using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An agent takes a phone call and logs the incident for the caller, who then finds it as their own.</summary>
public sealed class ReportForCallerTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_logs_an_incident_for_a_caller_who_sees_it_in_my_incidents() => Run(async () =>
    {
        var title = $"Phone call: printer offline {Guid.NewGuid().ToString("N")[..6]}";
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/incidents/new");
        await agent.GetByLabel("What is wrong?").FillAsync(title);
        await agent.ChooseAsync("Which service is affected?", "VPN");
        await agent.GetByLabel("Only me").CheckAsync();
        await agent.GetByLabel("It slows my work down").CheckAsync();
        // The caller is found by typing part of a name or email and picking them from the suggestions.
        await agent.GetByLabel("Caller", new() { Exact = true }).FillAsync("riley");
        await agent.GetByRole(AriaRole.Option, new() { Name = "Riley Reporter (reporter@demo.local)", Exact = true }).ClickAsync();
        await Expect(agent.GetByLabel("Caller", new() { Exact = true })).ToHaveValueAsync("Riley Reporter (reporter@demo.local)");
        await agent.GetByLabel("Phone or in person", new() { Exact = true }).CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await agent.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
        await Expect(agent.Locator("body")).ToContainTextAsync("Riley Reporter");

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/mine");
        await Expect(reporter.GetByText(title)).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_reporter_is_not_offered_the_caller_fields() => Run(async () =>
    {
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await Expect(reporter.GetByLabel("What is wrong?")).ToBeVisibleAsync();
        await Expect(reporter.GetByLabel("Caller", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(reporter.GetByLabel("Phone or in person")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Bad_report_input_gets_field_messages_and_stores_nothing() => Run(async () =>
    {
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await Expect(reporter.GetByText("Say in a few words what is wrong.")).ToBeVisibleAsync();
        await Expect(reporter.GetByText("Choose the service that is affected.")).ToBeVisibleAsync();

        // A 100 KB paste: the fields keep what the incident can hold, and the page stays connected.
        var huge = new string('x', 100 * 1024);
        await reporter.GetByLabel("What is wrong?").FillAsync(huge);
        await reporter.GetByLabel("Details").FillAsync(huge);
        Assert.Equal(200, (await reporter.GetByLabel("What is wrong?").InputValueAsync()).Length);
        Assert.Equal(8000, (await reporter.GetByLabel("Details").InputValueAsync()).Length);

        await reporter.GetByLabel("What is wrong?").FillAsync("VPN");
        await reporter.ChooseAsync("Which service is affected?", "VPN");
        await reporter.GetByLabel("Only me").CheckAsync();
        await reporter.GetByLabel("It slows my work down").CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await Expect(reporter.GetByText("Use between 5 and 200 characters.")).ToBeVisibleAsync();
        Assert.EndsWith("/incidents/new", reporter.Url);

        await reporter.GotoInteractiveAsync("/incidents/mine");
        await Expect(reporter.GetByRole(AriaRole.Heading, new() { Name = "My incidents" })).ToBeVisibleAsync();
        Assert.DoesNotContain("xxxxxxxxxxxxxxxxxxxx", await reporter.ContentAsync());
    });
}
