using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Escalation in the workspace: paging with the demo policy (step 1 Alex, 5 s, step 2 Sam) reaches the next person
/// live when nobody acknowledges, and acknowledging stops it; the Escalate dialog moves the incident to another team.
/// </summary>
public sealed partial class EscalationTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private static readonly PortalUser Sam = new("sam@demo.local", DemoUsers.Password, "Sam Security");

    [Fact]
    public Task A_policy_pages_step_one_then_the_next_person_live_after_the_wait_and_acknowledging_stops_it() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Payments API down for everyone {run}");

        var sam = await SignedInPageAsync(Sam);
        await sam.GotoInteractiveAsync($"/incidents/{id}");
        await Expect(Paging(sam)).ToContainTextAsync("Not paging");
        var samUnread = await UnreadAsync(sam);
        await sam.EvaluateAsync("() => window.escalationTestMarker = 'not reloaded'");

        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        var alexUnread = await UnreadAsync(alex);
        await alex.Button("Page with policy…").ClickAsync();
        var dialog = alex.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("^Page with a policy for ") });
        // Bad input: each field says what is wrong, and nothing starts paging.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start paging" }).ClickAsync();
        await Expect(dialog.GetByText("Choose a policy.")).ToBeVisibleAsync();
        await dialog.ChooseAsync("Policy", "Major incident paging", alex);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start paging" }).ClickAsync();
        await Expect(dialog.GetByText("Say why you are paging.")).ToBeVisibleAsync();
        await Expect(Paging(alex)).ToContainTextAsync("Not paging");
        await dialog.GetByLabel("Reason").FillAsync("Checkout revenue is at zero");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start paging" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // Step 1 pages Alex: his bell rings and the bar shows the page in progress.
        await Expect(Bell(alex)).ToHaveAttributeAsync("aria-label", $"Notifications, {alexUnread + 1} unread");
        await Expect(Paging(alex)).ToContainTextAsync("Major incident paging · step 1 of 2");
        await Expect(alex.Timeline()).ToContainTextAsync("Policy \"Major incident paging\", step 1 of 2: notified Alex Agent");

        // Nobody acknowledges: after the 5-second wait step 2 reaches Sam, whose page was open all along.
        await Expect(Paging(sam)).ToContainTextAsync("step 2 of 2", new() { Timeout = 20_000 });
        await Expect(Bell(sam)).ToHaveAttributeAsync("aria-label", $"Notifications, {samUnread + 1} unread");
        await Expect(sam.Timeline()).ToContainTextAsync("step 2 of 2: notified Sam Security");
        Assert.Equal("not reloaded", await sam.EvaluateAsync<string>("() => window.escalationTestMarker"));

        // Sam acknowledges: the paging stops for both, and no further step fires.
        await sam.Button("Acknowledge").ClickAsync();
        await Expect(Paging(sam)).ToContainTextAsync("Not paging");
        await Expect(sam.GetByLabel("Last page", new() { Exact = true })).ToContainTextAsync("Major incident paging: acknowledged by Sam Security");
        await Expect(Paging(alex)).ToContainTextAsync("Not paging");
        await Expect(alex.Button("Acknowledge")).ToHaveCountAsync(0);
        await Expect(alex.Timeline()).ToContainTextAsync("Acknowledged: policy \"Major incident paging\" stops paging");
    });

    [Fact]
    public Task The_Escalate_dialog_requires_a_reason_and_moves_the_incident_to_the_chosen_team() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        // Reported against VPN, so it starts in Network's queue; the dialog offers every other team.
        var id = await reporter.ReportIncidentAsync($"Printer queue stuck {run}");
        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        await Expect(alex.GetByLabel("Escalation level")).ToHaveTextAsync("Not escalated");

        await alex.Button("Escalate").ClickAsync();
        var dialog = alex.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("^Escalate ") });
        await Expect(dialog.GetByLabel("Functional: move to another team")).ToBeCheckedAsync();
        await dialog.ChooseAsync("Escalate to team", "Database", alex);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Escalate", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("Say why you are escalating.")).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Reason")).ToHaveAttributeAsync("aria-invalid", "true");

        await dialog.GetByLabel("Reason").FillAsync("Needs a database engineer");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Escalate", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(alex.GetByLabel("Escalation level")).ToHaveTextAsync("Tier 2 (once functional)");
        await Expect(alex.Timeline()).ToContainTextAsync("Escalated to Database (functional): Needs a database engineer");
    });

    [Fact]
    public Task Escape_closes_the_Escalate_dialog_and_saves_nothing() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Scanner offline {run}");
        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        var dialog = alex.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("^Escalate ") });

        // Straight after opening: focus is still where the click was unless the dialog takes it.
        await alex.Button("Escalate").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await alex.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null"); // focus moved into the dialog
        await alex.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        // Filled in completely, then abandoned.
        await alex.Button("Escalate").ClickAsync();
        await dialog.ChooseAsync("Escalate to team", "Database", alex);
        await dialog.GetByLabel("Reason").FillAsync($"Changed my mind {run}");
        await alex.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        await alex.ReloadAsync();
        await alex.WaitForInteractiveAsync();
        await Expect(alex.GetByLabel("Escalation level")).ToHaveTextAsync("Not escalated");
        await Expect(alex.Timeline().GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(alex.Timeline()).Not.ToContainTextAsync("Escalated to");
        await Expect(alex.Timeline()).Not.ToContainTextAsync($"Changed my mind {run}");
    });

    private static ILocator Paging(IPage page) => page.GetByLabel("Paging state", new() { Exact = true });

    private static ILocator Bell(IPage page) => page.GetByRole(AriaRole.Button, new() { NameRegex = BellName() });

    private static async Task<int> UnreadAsync(IPage page)
    {
        var label = await Bell(page).GetAttributeAsync("aria-label") ?? "";
        var match = Regex.Match(label, @"(\d+) unread");
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    [GeneratedRegex("^Notifications, ")]
    private static partial Regex BellName();
}
