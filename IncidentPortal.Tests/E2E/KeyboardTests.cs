using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An agent triages without the mouse: / searches, j/k walk the rows, a assigns, Enter opens, n notes, Ctrl+Enter posts.</summary>
public sealed class KeyboardTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_agent_triages_three_incidents_with_the_keyboard_alone() => Run(async () =>
    {
        var tag = "kbtriage" + Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var ids = new List<int>();
        for (var i = 1; i <= 3; i++) ids.Add(await reporter.ReportIncidentAsync($"Keyboard {tag} number {i}"));

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/queue");
        await ShortcutsLiveAsync(agent);
        var search = agent.GetByLabel("Search", new() { Exact = true });

        // Typing in a field never fires a shortcut: these letters land in the search box.
        await agent.Keyboard.PressAsync("/");
        await Expect(search).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync(tag);
        await Expect(search).ToHaveValueAsync(tag);
        await agent.WaitForURLAsync(new Regex("q=" + tag));
        var rows = agent.GetByRole(AriaRole.Row).Filter(new() { HasText = tag });
        await Expect(rows).ToHaveCountAsync(3);
        await agent.Keyboard.PressAsync("Escape");
        await Expect(search).Not.ToBeFocusedAsync();

        // j to each row in turn, a to take it; the current row is marked and its link has the focus.
        for (var i = 0; i < 3; i++)
        {
            await agent.Keyboard.PressAsync("j");
            var row = rows.Nth(i);
            await Expect(row).ToHaveAttributeAsync("aria-current", "true");
            await Expect(row.GetByRole(AriaRole.Link)).ToBeFocusedAsync();
            await agent.Keyboard.PressAsync("a");
            await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "You", Exact = true })).ToBeVisibleAsync();
        }
        await Expect(agent.GetByRole(AriaRole.Row).Filter(new() { HasText = tag }).Filter(new() { HasText = "Unassigned" })).ToHaveCountAsync(0);

        // k back to the second, Enter opens it.
        await agent.Keyboard.PressAsync("k");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        var reference = await rows.Nth(1).GetByRole(AriaRole.Link).InnerTextAsync();
        await agent.Keyboard.PressAsync("Enter");
        await agent.WaitForURLAsync(new Regex(@"/incidents/\d+$"));
        await Expect(agent.IncidentReference()).ToHaveTextAsync(reference);
        await agent.WaitForInteractiveAsync();
        await ShortcutsLiveAsync(agent);

        // ? shows the sheet, Esc closes it.
        await agent.Keyboard.PressAsync("?");
        var sheet = agent.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(sheet).ToBeVisibleAsync();
        await Expect(sheet).ToContainTextAsync("Assign the incident to me");
        await agent.Keyboard.PressAsync("Escape");
        await Expect(sheet).ToBeHiddenAsync();

        // n: a work note, typed and posted with Ctrl+Enter.
        await agent.Keyboard.PressAsync("n");
        var note = agent.GetByLabel("Work note", new() { Exact = true });
        await Expect(note).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync("Triaged from the keyboard");
        await agent.Keyboard.PressAsync("Control+Enter");
        await Expect(agent.Timeline()).ToContainTextAsync("Triaged from the keyboard");
        await Expect(agent.Timeline().GetByRole(AriaRole.Listitem).First).ToContainTextAsync("added a work note");

        // r: back to a public reply.
        await agent.Keyboard.PressAsync("Escape");
        await agent.Keyboard.PressAsync("r");
        await Expect(agent.GetByLabel("Comment", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(agent.GetByLabel("Public reply")).ToBeCheckedAsync();

        // e: the escalation dialog; Esc closes it.
        await agent.Keyboard.PressAsync("Escape");
        await agent.Keyboard.PressAsync("e");
        await Expect(agent.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await agent.Keyboard.PressAsync("Escape");
        await Expect(agent.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
    });

    /// <summary>The shortcut module is installed once the circuit is up; a key pressed before that goes nowhere.</summary>
    internal static Task ShortcutsLiveAsync(IPage page) => Expect(page.Locator("html[data-shortcuts='on']")).ToHaveCountAsync(1);
}
