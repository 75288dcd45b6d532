using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Defect 7: resolving with the code "Duplicate" asks for the incident it duplicates and links the two.</summary>
public sealed class ResolveAsDuplicateE2ETests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task Resolving_as_Duplicate_asks_for_the_original_and_links_it() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var originalId = await reporter.ReportIncidentAsync($"Badge readers dead {run}");
        var original = (await reporter.IncidentReference().TextContentAsync())!.Trim();
        var duplicateId = await reporter.ReportIncidentAsync($"Cannot enter building B {run}");

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{duplicateId}");
        await agent.Button("Assign to me").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await agent.Button("Resolve").ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Resolution notes")).ToBeVisibleAsync();
        await dialog.ChooseAsync("Resolution code", "Duplicate", agent);
        // The code asks for the original instead of notes.
        await Expect(dialog.GetByLabel("Duplicate of")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Resolution notes")).ToHaveCountAsync(0);
        var submit = dialog.GetByRole(AriaRole.Button, new() { Name = "Close as duplicate" });
        await submit.ClickAsync();
        await Expect(dialog).ToContainTextAsync("Enter the incident this one duplicates, e.g. INC-000123.");

        await dialog.GetByLabel("Duplicate of").FillAsync(original);
        await submit.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(agent.StatusChip()).ToHaveTextAsync("Closed");
        var links = agent.GetByRole(AriaRole.Region, new() { Name = "Related incidents" });
        await Expect(links).ToContainTextAsync($"Duplicate of {original}");
        await Expect(links.GetByRole(AriaRole.Link, new() { Name = original })).ToHaveAttributeAsync("href", $"incidents/{originalId}");

        // The reporter of the duplicate is pointed at the original.
        await reporter.GotoInteractiveAsync($"/incidents/{duplicateId}");
        await Expect(reporter.GetByText($"Your report is a duplicate of {original}; follow it there.")).ToBeVisibleAsync();
    });
}
