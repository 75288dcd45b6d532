using System.Text;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An agent works an incident while its reporter watches, each in their own browser.</summary>
public sealed class IncidentWorkspaceTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task Reporter_follows_the_agents_work_live_and_never_sees_the_internal_note() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"VPN keeps dropping {run}";
        var publicReply = $"We are checking the VPN gateway {run}.";
        var secret = $"SECRET-{run}: gateway misconfigured by us";
        var reopenReason = $"Still dropping after lunch {run}";

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var frames = RecordCircuitTraffic(reporter);
        var id = await reporter.ReportIncidentAsync(title);
        await Expect(reporter.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been logged" })).ToContainTextAsync("INC-");
        await Expect(reporter.GetByText("Status: New")).ToBeVisibleAsync();

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        await Expect(agent.Heading(title)).ToBeVisibleAsync();
        await agent.Button("Assign to me").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await Expect(reporter.GetByText("Status: Assigned")).ToBeVisibleAsync();
        await Expect(reporter.LiveNotice()).ToContainTextAsync("Alex Agent changed");
        await Expect(reporter.LiveNotice()).ToContainTextAsync("Status: New → Assigned");

        await agent.PostCommentAsync(publicReply, internalNote: false);
        await agent.PostCommentAsync(secret, internalNote: true);
        await agent.Button("Resolve").ClickAsync();
        await agent.ChooseAsync("Resolution code", "Fixed");
        await agent.GetByLabel("Resolution notes").FillAsync("Reset the VPN profile on the gateway.");
        await agent.Button("Resolve incident").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Resolved");

        // The reporter's page has not been reloaded: everything below arrived over its circuit.
        await Expect(reporter.GetByText("Status: Resolved")).ToBeVisibleAsync();
        await Expect(reporter.Timeline()).ToContainTextAsync(publicReply);
        await Expect(reporter.GetByLabel("Resolution", new() { Exact = true })).ToContainTextAsync("Reset the VPN profile on the gateway.");
        await Expect(reporter.Locator("body")).Not.ToContainTextAsync(secret);
        Assert.DoesNotContain(secret, await reporter.ContentAsync());
        Assert.Contains(publicReply, frames.Text()); // the recording works: the public reply came over the circuit
        Assert.DoesNotContain(run + ": gateway", frames.Text());

        await reporter.Button("Reopen").ClickAsync();
        await reporter.GetByLabel("What is still wrong?").FillAsync(reopenReason);
        await reporter.Button("Reopen incident").ClickAsync();
        await Expect(reporter.GetByText("Status: In progress")).ToBeVisibleAsync();

        await Expect(agent.Timeline()).ToContainTextAsync(reopenReason);
        await Expect(agent.StatusChip()).ToHaveTextAsync("In progress");
        await Expect(agent.LiveNotice()).ToContainTextAsync("Riley Reporter changed Status: Resolved → In progress");

        // A fresh load of the reporter's page (server-rendered HTML first) does not carry the note either.
        var response = await reporter.GotoAsync($"/incidents/{id}");
        Assert.DoesNotContain(secret, await response!.TextAsync());
        await Expect(reporter.Timeline()).ToContainTextAsync(reopenReason);
        Assert.DoesNotContain(run + ": gateway", frames.Text());
    });

    [Fact]
    public Task Resolving_without_notes_shows_the_field_message_and_changes_nothing_while_my_incidents_updates_live() => Run(async () =>
    {
        var title = $"Printer prints blank pages {Guid.NewGuid().ToString("N")[..6]}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync(title);
        await reporter.GotoInteractiveAsync("/incidents/mine");
        var row = reporter.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("New");
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        await agent.Button("Assign to me").ClickAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        // My incidents, open in the reporter's browser, follows without a reload; the row leads to the incident.
        await Expect(row).ToContainTextAsync("Assigned");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reporter.WaitForURLAsync($"**/incidents/{id}");

        await agent.Button("Resolve").ClickAsync();
        await agent.ChooseAsync("Resolution code", "Fixed");
        await agent.Button("Resolve incident").ClickAsync();

        await Expect(agent.GetByText("Resolution notes are required.")).ToBeVisibleAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await agent.ReloadAsync();
        await agent.WaitForInteractiveAsync();
        await Expect(agent.StatusChip()).ToHaveTextAsync("Assigned");
        await Expect(agent.Timeline()).Not.ToContainTextAsync("Resolved");
        await Expect(reporter.GetByText("Status: Assigned")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_stale_save_shows_what_was_missed_keeps_the_edit_and_reapplies_it_with_one_click() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Wi-Fi slow {run}");
        var alex = await SignedInPageAsync(DemoUsers.Agent);
        var morgan = await SignedInPageAsync(DemoUsers.Manager);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        await morgan.GotoInteractiveAsync($"/incidents/{id}");

        await alex.GetByLabel("Description", new() { Exact = true }).FillAsync($"Alex's analysis {run}");
        await Expect(alex.Button("Discard changes")).ToBeVisibleAsync(); // the edit has reached the server
        await morgan.GetByLabel("Title", new() { Exact = true }).FillAsync($"Wi-Fi slow on floor 3 {run}");
        await morgan.Button("Save changes").ClickAsync();
        await Expect(morgan.GetByText("Saved.")).ToBeVisibleAsync();

        // Alex has unsaved edits: they are kept, and the page says the incident changed.
        await Expect(alex.GetByText("This incident was changed while you were editing.")).ToBeVisibleAsync();
        await Expect(alex.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync($"Alex's analysis {run}");
        await alex.Button("Save changes").ClickAsync();
        var conflict = alex.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else changed this incident" });
        await Expect(conflict).ToContainTextAsync($"Morgan Manager: Title: Wi-Fi slow {run} → Wi-Fi slow on floor 3 {run}");
        await Expect(alex.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync($"Alex's analysis {run}");
        await Expect(alex.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync($"Wi-Fi slow on floor 3 {run}");

        await alex.Button("Re-apply my changes").ClickAsync();
        await Expect(alex.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(morgan.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync($"Alex's analysis {run}");
        await Expect(morgan.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync($"Wi-Fi slow on floor 3 {run}");
    });

    /// <summary>Everything the server sends the page over its circuit's WebSocket, as UTF-8 text.</summary>
    private static CircuitTraffic RecordCircuitTraffic(IPage page)
    {
        var traffic = new CircuitTraffic();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => traffic.Add(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        return traffic;
    }

    private sealed class CircuitTraffic
    {
        private readonly List<byte[]> frames = [];

        public void Add(byte[] frame)
        {
            lock (frames) frames.Add(frame);
        }

        public string Text()
        {
            lock (frames) return string.Concat(frames.Select(f => Encoding.UTF8.GetString(f)));
        }
    }
}
