using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Half-written work survives a circuit pause and resume (.NET 10's persistent component state): the page's circuit
/// is paused (as the browser does for a tab in the background), the server lets it go, and resuming builds a new
/// circuit from the persisted state. Drafts are keyed by incident, so another incident's box stays empty.
/// </summary>
public sealed class DraftPersistenceTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_half_written_work_note_and_resolution_survive_a_circuit_pause_and_resume() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Laptop will not dock {run}");
        var otherId = await reporter.ReportIncidentAsync($"Monitor flickers {run}");
        var note = $"Docking firmware is 1.2, checking the vendor's notes {run}";

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        await agent.GetByLabel("Internal work note").CheckAsync();
        await agent.GetByLabel("Work note", new() { Exact = true }).FillAsync(note);
        await agent.Button("Assign to me").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await agent.Button("Resolve").ClickAsync();
        await agent.GetByLabel("Resolution notes").FillAsync($"Updated the dock firmware {run}");
        // A mark on this document: it stays only if nothing reloads the page.
        await agent.EvaluateAsync("() => { window.draftTestMarker = 'same document'; }");

        Assert.True(await agent.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        Assert.True(await agent.EvaluateAsync<bool>("() => Blazor.resumeCircuit()"));
        await agent.WaitForInteractiveAsync();
        Assert.Equal("same document", await agent.EvaluateAsync<string>("() => window.draftTestMarker"));

        // The resolve dialog is back with its notes; the comment box has the note, still marked internal.
        var resolve = agent.GetByRole(AriaRole.Dialog, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Resolve ") });
        await Expect(resolve.GetByLabel("Resolution notes")).ToHaveValueAsync($"Updated the dock firmware {run}");
        await resolve.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(resolve).ToHaveCountAsync(0);
        await Expect(agent.GetByLabel("Work note", new() { Exact = true })).ToHaveValueAsync(note);
        await Expect(agent.GetByLabel("Internal work note")).ToBeCheckedAsync();
        await agent.Button("Add work note").ClickAsync();
        await Expect(agent.Timeline()).ToContainTextAsync(note);
        await Expect(agent.GetByLabel("Work note", new() { Exact = true })).ToHaveValueAsync("");

        // Another incident's comment box starts empty: drafts never travel between incidents.
        await agent.GotoInteractiveAsync($"/incidents/{otherId}");
        await Expect(agent.GetByLabel("Comment", new() { Exact = true })).ToHaveValueAsync("");
    });
}
