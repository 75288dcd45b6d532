using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An @mention in a work note rings the mentioned agent's bell live and leads to that very note.</summary>
public sealed class MentionTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_mention_arrives_live_in_the_other_agents_browser_and_links_to_the_note() => Run(async () =>
    {
        var title = $"Mention me {Guid.NewGuid().ToString("N")[..6]}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync(title);
        // A reporter's page offers no work note, hence no mentions.
        await Expect(reporter.GetByLabel("Internal work note")).ToHaveCountAsync(0);

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/queue");
        await KeyboardTests.ShortcutsLiveAsync(agent);
        var toasts = agent.GetByRole(AriaRole.Status).Filter(new() { HasText = "mentioned you" }).Filter(new() { HasText = title });

        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await KeyboardTests.ShortcutsLiveAsync(manager);
        await manager.GetByLabel("Internal work note").CheckAsync();
        var note = manager.GetByLabel("Work note", new() { Exact = true });
        await note.FillAsync("Can you look at the tunnel logs, @Ale");
        var suggestions = manager.GetByRole(AriaRole.Group, new() { Name = "Mention suggestions" });
        await Expect(suggestions).ToContainTextAsync("Alex Agent");
        await Expect(suggestions).Not.ToContainTextAsync("Riley Reporter");
        await suggestions.GetByRole(AriaRole.Button, new() { Name = "Mention Alex Agent" }).ClickAsync();
        await Expect(note).ToHaveValueAsync("Can you look at the tunnel logs, @Alex Agent ");
        await note.PressAsync("Control+Enter");
        await Expect(manager.Timeline()).ToContainTextAsync("@Alex Agent");

        // The agent's page was not reloaded: the toast came over its circuit.
        await Expect(toasts).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifications") }).ClickAsync();
        var dropdown = agent.GetByRole(AriaRole.Region, new() { Name = "Latest notifications" });
        await dropdown.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Morgan Manager mentioned you on .*" + Regex.Escape(title)) }).ClickAsync();
        await agent.WaitForURLAsync(new Regex($@"/incidents/{id}#note-\d+$"));
        var anchor = new Uri(agent.Url).Fragment.TrimStart('#');
        var entry = agent.Locator($"[id='{anchor}']");
        await Expect(entry).ToContainTextAsync("tunnel logs");
        await Expect(entry).ToHaveClassAsync(new Regex(@"\bkb-target\b"));
    });
}
