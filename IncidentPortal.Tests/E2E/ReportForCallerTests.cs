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
        await agent.GetByLabel("Which service is affected?").SelectOptionAsync(new SelectOptionValue { Label = "VPN" });
        await agent.GetByLabel("Only me").CheckAsync();
        await agent.GetByLabel("It slows my work down").CheckAsync();
        await agent.GetByLabel("Find the caller").FillAsync("riley");
        await agent.GetByLabel("Caller", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Riley Reporter (reporter@demo.local)" });
        await agent.GetByLabel("How did they get in touch?").SelectOptionAsync(new SelectOptionValue { Label = "Phone or in person" });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await agent.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"));
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
        await Expect(reporter.GetByLabel("Find the caller")).ToHaveCountAsync(0);
    });
}
