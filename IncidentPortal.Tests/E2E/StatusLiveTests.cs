using System.Text.RegularExpressions;
using IncidentPortal.Features.Time;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// The status page live, end to end: an anonymous visitor already on /status sees a manager's publish without
/// reloading; stakeholders on /status/internal see a new P1 and its ETA appear, and never its work notes.
/// </summary>
public sealed class StatusLiveTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private const string WiFi = "Office Wi-Fi";

    [Fact]
    public Task A_manager_publishes_from_the_incident_and_an_anonymous_visitor_on_the_status_page_sees_it_without_reloading() => Run(async () =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/status");
        var wifi = visitor.Locator($"[data-component=\"{WiFi}\"] .sp-status");
        await Expect(wifi).ToHaveTextAsync("Operational");
        // Survives only if the page is never reloaded or navigated.
        await visitor.EvaluateAsync("() => { window.__stillSamePage = true; }");
        var navigations = 0;
        visitor.FrameNavigated += (_, frame) => { if (frame == visitor.MainFrame) navigations++; };

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Wi-Fi keeps dropping {suffix}");
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await manager.Button("Publish to status page").ClickAsync();
        await manager.ChooseAsync("Remote access (VPN)", "Not affected");
        await manager.ChooseAsync(WiFi, "Major outage");
        var title = $"Office Wi-Fi unavailable {suffix}";
        var message = $"Wi-Fi is down on every floor; use a wired desk. Ref {suffix}.";
        await manager.GetByLabel("Public title").FillAsync(title);
        await manager.GetByLabel("Public message").FillAsync(message);
        await manager.Button("Publish").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.List, new() { Name = "Published updates" })).ToContainTextAsync(message);

        // Live push (SSE) within seconds, in the outage colour and label.
        await Expect(wifi).ToHaveTextAsync("Major outage", new() { Timeout = 5_000 });
        await Expect(wifi).ToHaveAttributeAsync("data-status", "major_outage");
        await Expect(wifi).ToHaveClassAsync(new Regex(@"\bsp-major-outage\b"));
        var colour = await wifi.EvaluateAsync<string>("e => getComputedStyle(e).color");
        var okColour = await visitor.Locator(".sp-status.sp-operational").First.EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.NotEqual(okColour, colour);
        var board = visitor.Locator("#status-board");
        await Expect(board).ToContainTextAsync(title);
        await Expect(board).ToContainTextAsync(message);
        Assert.True(await visitor.EvaluateAsync<bool>("() => window.__stillSamePage === true"), "The status page was reloaded.");
        Assert.Equal(0, navigations);

        // Resolving it turns the component back, live as well.
        await manager.Button("Publish update").ClickAsync();
        await manager.ChooseAsync("Phase", "Resolved");
        await manager.GetByLabel("Public message").FillAsync($"Wi-Fi is back. Ref {suffix}.");
        await manager.Button("Publish").ClickAsync();
        await Expect(wifi).ToHaveTextAsync("Operational", new() { Timeout = 5_000 });
        Assert.True(await visitor.EvaluateAsync<bool>("() => window.__stillSamePage === true"));
    });

    [Fact]
    public Task Stakeholders_see_a_new_p1_and_its_eta_appear_live_on_the_internal_view_and_never_its_work_notes() => Run(async () =>
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        var secret = $"WORKNOTE-{suffix}-restarting-core-switch";
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/status/internal");
        await Expect(manager.Heading("Internal status")).ToBeVisibleAsync();
        var title = $"Nobody can log in {suffix}";
        await Expect(manager.GetByText(title)).ToHaveCountAsync(0);

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/incidents/new");
        await reporter.GetByLabel("What is wrong?").FillAsync(title);
        await reporter.ChooseAsync("Which service is affected?", "VPN");
        await reporter.GetByLabel("Many people, or customers").CheckAsync();
        await reporter.GetByLabel("I cannot work at all").CheckAsync();
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Report incident" }).ClickAsync();
        await reporter.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
        var id = int.Parse(Regex.Match(reporter.Url, @"/incidents/(\d+)").Groups[1].Value);

        var card = manager.GetByRole(AriaRole.Listitem).Filter(new() { Has = manager.GetByRole(AriaRole.Link, new() { Name = title }) });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(card).ToContainTextAsync("P1");
        await Expect(card).ToContainTextAsync("Not set");

        // An agent writes a work note and sets the ETA in the workspace; the ETA reaches the view, the note never does.
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{id}");
        await agent.PostCommentAsync(secret, internalNote: true);
        await agent.Button("Set ETA").ClickAsync();
        await agent.FillEtaAsync(DateTime.UtcNow.AddMinutes(-10));
        await agent.Button("Save ETA").ClickAsync();
        await Expect(agent.GetByText("The expected resolution must be in the future.")).ToBeVisibleAsync();
        var eta = DateTime.UtcNow.Date.AddDays(1).AddHours(17).AddMinutes(45);
        await agent.FillEtaAsync(eta);
        await agent.GetByLabel("Why (optional, internal)").FillAsync($"ETANOTE-{suffix}");
        await agent.Button("Save ETA").ClickAsync();
        await Expect(agent.GetByLabel("Current ETA")).ToContainTextAsync(TimeText.Absolute(eta, TimeZoneInfo.Utc));
        await Expect(agent.Timeline()).ToContainTextAsync("ETA: (none) →");

        await Expect(card).ToContainTextAsync(TimeText.Absolute(eta, TimeZoneInfo.Utc), new() { Timeout = 5_000 });
        await Expect(manager.Locator("body")).Not.ToContainTextAsync(secret);
        await Expect(manager.Locator("body")).Not.ToContainTextAsync($"ETANOTE-{suffix}");
        Assert.DoesNotContain(secret, await manager.ContentAsync());

        // Reporters have no internal view.
        await reporter.GotoAsync("/status/internal");
        await Expect(reporter.Heading("Internal status")).ToHaveCountAsync(0);
        Assert.DoesNotContain(title, await reporter.ContentAsync());
    });
}
