using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An agent watches an incident's SLA clocks count down, pauses them by putting it on hold, and resumes them.</summary>
public sealed class SlaClockTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task The_clock_counts_down_pauses_on_hold_with_the_reason_and_resumes() => Run(async () =>
    {
        var title = $"Payments gateway down {Guid.NewGuid().ToString("N")[..6]}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await reporter.GetByLabel("What is wrong?").FillAsync(title);
        await reporter.ChooseAsync("Which service is affected?", "VPN");
        // Many people, cannot work: P1, whose clocks run around the clock (so the test does not depend on office hours).
        await reporter.GetByLabel("Many people, or customers").CheckAsync();
        await reporter.GetByLabel("I cannot work at all").CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
        var id = int.Parse(Regex.Match(reporter.Url, @"/incidents/(\d+)").Groups[1].Value);

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        var resolution = agent.GetByRole(AriaRole.Article, new() { Name = "Resolution clock" });
        var remaining = resolution.GetByLabel("Resolution time remaining");
        await Expect(resolution).ToContainTextAsync("Running");
        await Expect(resolution).ToContainTextAsync("4 h (P1)");
        await Expect(remaining).ToHaveTextAsync(new Regex(@"^3h 59m \d\ds left$"));
        var before = await remaining.TextContentAsync();
        await Expect(remaining).Not.ToHaveTextAsync(before!, new() { Timeout = 5000 });     // it ticks on its own
        await Expect(agent.GetByRole(AriaRole.Article, new() { Name = "Response clock" })).ToContainTextAsync("Running");

        await agent.Button("Assign to me").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await Expect(agent.GetByRole(AriaRole.Article, new() { Name = "Response clock" })).ToContainTextAsync("Met");

        await agent.Button("Put on hold").ClickAsync();
        var panel = agent.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("^Put on hold ") });
        await panel.GetByLabel("Awaiting user").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("On hold");
        await Expect(resolution).ToContainTextAsync("Paused: Awaiting user");
        await Expect(resolution).ToContainTextAsync("when it resumes");
        var paused = await remaining.TextContentAsync();
        await agent.WaitForTimeoutAsync(2500);
        await Expect(remaining).ToHaveTextAsync(paused!);                                     // frozen while paused
        await Expect(resolution.GetByRole(AriaRole.Img)).ToHaveAttributeAsync("aria-label", new Regex("Paused \\(Awaiting user\\)"));

        await agent.Button("Resume work").ClickAsync();
        await Expect(resolution).ToContainTextAsync("Running");
        await Expect(remaining).Not.ToHaveTextAsync(paused!, new() { Timeout = 5000 });
    });
}
