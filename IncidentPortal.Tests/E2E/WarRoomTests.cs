using System.Text.RegularExpressions;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The war room, live for everyone in it: presence, the log, and the update rhythm with its reminder.</summary>
public sealed class WarRoomTests(WarRoomServer room, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(room.Server, browser, output), IClassFixture<WarRoomServer>
{
    private static ILocator HereNow(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Here now", Exact = true });
    private static ILocator Entries(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Log entries", Exact = true });
    private static ILocator KeyFacts(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Key facts and decisions", Exact = true });
    private static ILocator Countdown(IPage page) => page.GetByRole(AriaRole.Timer, new() { Name = "Next update", Exact = true });

    private static async Task PostAsync(IPage page, string kind, string text)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Post to the log" });
        await form.GetByText(kind, new() { Exact = true }).ClickAsync();
        await form.GetByLabel("Log entry").FillAsync(text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Entries(page)).ToContainTextAsync(text);
    }

    [Fact]
    public Task Two_responders_see_each_others_presence_and_log_entries_live_without_reload() => Run(async () =>
    {
        var (id, incident) = await room.DeclareAsync("Payroll portal unreachable (war room)", Severity.Sev2, DemoUsers.Manager);
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await agent.GotoInteractiveAsync($"/major-incidents/{id}");
        await manager.GotoInteractiveAsync($"/major-incidents/{id}");
        await Expect(agent.Heading(incident.Title)).ToBeVisibleAsync();
        await Expect(agent.GetByLabel("Severity", new() { Exact = true }).First).ToContainTextAsync("SEV2");

        await Expect(HereNow(agent)).ToContainTextAsync("Morgan Manager");
        await Expect(HereNow(manager)).ToContainTextAsync("Alex Agent");

        await PostAsync(agent, "Fact", "The payroll load balancer drops every TLS handshake");
        await Expect(Entries(manager)).ToContainTextAsync("The payroll load balancer drops every TLS handshake");
        await Expect(Entries(manager).GetByRole(AriaRole.Listitem, new() { Name = "The payroll load balancer drops every TLS handshake" }))
            .ToContainTextAsync("Alex Agent");

        // Pinned by one, a key fact for everyone in the room.
        await manager.GetByRole(AriaRole.Listitem, new() { Name = "The payroll load balancer drops every TLS handshake" }).First
            .GetByRole(AriaRole.Button, new() { Name = "Pin", Exact = true }).ClickAsync();
        await Expect(KeyFacts(agent)).ToContainTextAsync("The payroll load balancer drops every TLS handshake");

        await PostAsync(manager, "Decision", "Fail over payroll to the standby balancer");
        await Expect(Entries(agent)).ToContainTextAsync("Fail over payroll to the standby balancer");
        Assert.Equal($"/major-incidents/{id}", agent.PathOf());

        // Leaving the room is seen by the others (a closed tab leaves when its circuit ends, which may take minutes).
        await manager.NavLink("Queue").ClickAsync();
        await manager.WaitForURLAsync("**/queue**");
        await Expect(HereNow(agent)).Not.ToContainTextAsync("Morgan Manager");
        await Expect(HereNow(agent)).ToContainTextAsync("Alex Agent (you)");
    });

    [Fact]
    public Task A_missed_update_reminds_the_communications_lead_shows_overdue_and_posting_an_update_restarts_the_countdown() => Run(async () =>
    {
        var (id, incident) = await room.DeclareAsync("Mail delivery stopped (cadence)", Severity.Sev1, DemoUsers.Admin, DemoUsers.Manager);
        var lead = await SignedInPageAsync(DemoUsers.Manager);
        await lead.GotoInteractiveAsync($"/major-incidents/{id}");
        await Expect(lead.GetByLabel("Communications lead", new() { Exact = true })).ToHaveTextAsync("Morgan Manager");

        // SEV1 expects an update every 20 seconds here: the countdown runs out without a reload.
        await Expect(Countdown(lead)).ToContainTextAsync("Update overdue", new() { Timeout = 60_000 });
        await Expect(Countdown(lead)).ToContainTextAsync(new Regex(@"overdue by \d+:\d\d"));

        // The reminder reached the communications lead.
        var inbox = await SignedInPageAsync(DemoUsers.Manager);
        var reminder = $"Update due now on major incident {incident.Reference} (SEV1)";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await inbox.GotoInteractiveAsync("/notifications");
            if (await inbox.GetByText(reminder).CountAsync() > 0) break;
            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < deadline);
        await Expect(inbox.GetByText(reminder).First).ToBeVisibleAsync();

        // Posting an update through the status page's publish form restarts the clock.
        await lead.Button("Post update").ClickAsync();
        var form = lead.GetByRole(AriaRole.Form, new() { Name = "Publish a status page update" });
        await Expect(form.GetByLabel("Public title")).Not.ToBeEmptyAsync();
        await form.GetByLabel("Public message").FillAsync("Mail is delayed for everyone; we are restarting the relays.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(Countdown(lead)).ToContainTextAsync(new Regex(@"Next update due in\s*0:[0-2]\d"));
        await Expect(Entries(lead)).ToContainTextAsync("Status page update (Investigating): Mail is delayed for everyone");
        await Expect(lead.GetByLabel("Last public update")).ToContainTextAsync("Mail is delayed for everyone");
    });

    [Fact]
    public Task The_war_room_is_captured_in_both_themes_at_desktop_and_phone_width_without_sideways_scrolling() => Run(async () =>
    {
        var (id, _) = await room.DeclareAsync("Remote access down for the whole company", Severity.Sev2, DemoUsers.Manager, DemoUsers.Admin);
        var manager = await room.ActorAsync(DemoUsers.Manager);
        var children = new List<int>();
        foreach (var (who, title) in new[] { (DemoUsers.Reporter, "VPN says certificate invalid"), (DemoUsers.Agent, "Cannot reach file shares from home") })
            children.Add((await room.ReportAsync(who, title)).Id);
        await room.Majors.LinkAsync(manager, id, children);
        await room.Majors.AssignRoleAsync(manager, id, ResponseRole.Responder, (await room.ActorAsync(DemoUsers.Agent)).UserId);
        await room.Majors.AssignRoleAsync(manager, id, ResponseRole.Scribe, (await room.ActorAsync(DemoUsers.Dana)).UserId);
        await room.Majors.SetBridgeAsync(manager, id, "https://meet.example.com/vpn-outage");
        await room.Majors.PostAsync(manager, id, LogEntryKind.Fact, "Both VPN gateways reject the new client certificate chain");
        await room.Majors.PostAsync(manager, id, LogEntryKind.Decision, "Roll the gateway certificates back to last week's chain");
        await room.Majors.PostAsync(manager, id, LogEntryKind.Note, "Network team is on the bridge");

        var folder = Path.Combine(Server.RepositoryRoot, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var theme in new[] { PortalPage.LightTheme, PortalPage.DarkTheme })
        {
            foreach (var (width, viewport) in new[] { ("desktop", new ViewportSize { Width = 1440, Height = 1000 }), ("phone", Phone) })
            {
                var page = await SignedInPageAsync(DemoUsers.Manager, viewport, theme);
                await page.GotoInteractiveAsync($"/major-incidents/{id}");
                await Expect(page.Heading("Remote access down for the whole company")).ToBeVisibleAsync();
                await Expect(page.GetByText("Join the bridge")).ToBeVisibleAsync();
                Assert.False(await page.HasHorizontalScrollbarAsync(), $"The war room scrolls sideways at {width} width.");
                await page.EvaluateAsync("() => document.fonts.ready");
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"war-room-{theme}-{width}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
                await page.Context.CloseAsync();
            }
        }
    });
}
