using System.Text.RegularExpressions;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.E2E.Harness;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Linking children and duplicates, in the browser: the queue's "Link to major incident" for several rows, the
/// workspace's "likely part of" banner, the reporter's banner following the parent's resolution live, and duplicates.
/// The major incident is declared (and resolved) through the service: its pages are another branch's; the app runs
/// in this process (<see cref="InProcessPortal"/>) so those calls reach the open pages live.
/// </summary>
public sealed class MajorIncidentLinkTests(InProcessPortal portal, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<InProcessPortal>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private MajorIncidentService Majors => portal.Get<MajorIncidentService>();
    private IncidentService Incidents => portal.Get<IncidentService>();

    [Fact]
    public Task An_agent_links_two_selected_queue_rows_in_one_action_and_a_new_report_offers_the_likely_link() => Run(async () =>
    {
        var token = Token();
        var (reporter, manager) = (await portal.ActorAsync(DemoEmails.Reporter), await portal.ActorAsync(DemoEmails.Manager));
        var parent = await ReportAsync(reporter, $"VPN gateway down {token}");
        var majorId = await Majors.DeclareAsync(manager, parent.Id, Severity.Sev1, manager.UserId, "Nobody can connect");
        var first = await ReportAsync(reporter, $"VPN refuses my login {token}");
        var second = await ReportAsync(reporter, $"VPN times out {token}");

        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/queue?q={token}");
        await Expect(agent.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {first.Reference}", Exact = true })).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {first.Reference}", Exact = true }).CheckAsync();
        await agent.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {second.Reference}", Exact = true }).CheckAsync();
        var bar = agent.GetByRole(AriaRole.Region, new() { Name = "Selected incidents" });
        await Expect(bar).ToContainTextAsync("2 selected");
        await ShotAsync(agent, "queue-selection-desktop");

        await bar.GetByRole(AriaRole.Button, new() { Name = "Link to major incident" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex(Regex.Escape(parent.Reference)) }).CheckAsync(new() { Force = true });
        await ShotAsync(agent, "queue-link-dialog-desktop");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();

        await Expect(agent.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Linked 2 incidents to the major incident {parent.Reference}." })).ToBeVisibleAsync();
        await Expect(bar).ToHaveCountAsync(0);
        Assert.Equal(majorId, (await Majors.ParentOfAsync(manager, first.Id))?.MajorId);
        Assert.Equal(majorId, (await Majors.ParentOfAsync(manager, second.Id))?.MajorId);

        // A new report on the same service: the workspace proposes the running major incident, one click links it.
        var third = await ReportAsync(reporter, $"VPN client says gateway unreachable {token}");
        await agent.GotoInteractiveAsync($"/incidents/{third.Id}");
        var likely = agent.GetByRole(AriaRole.Region, new() { Name = "Likely part of a major incident" });
        await Expect(likely).ToContainTextAsync($"Likely part of {parent.Reference}");
        await ShotAsync(agent, "workspace-likely-banner-desktop");
        await likely.GetByRole(AriaRole.Button, new() { Name = $"Link to {parent.Reference}" }).ClickAsync();
        var related = agent.GetByRole(AriaRole.Region, new() { Name = "Related incidents" });
        await Expect(related).ToContainTextAsync($"Part of major incident {parent.Reference} (SEV1, Declared)");
        await Expect(related.GetByRole(AriaRole.Link, new() { Name = parent.Reference })).ToHaveAttributeAsync("href", $"major-incidents/{majorId}");
        await Expect(likely).ToHaveCountAsync(0);

        var phone = await SignedInPageAsync(DemoUsers.Agent, E2EViewports.Phone);
        await phone.GotoInteractiveAsync($"/queue?q={token}");
        await phone.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {third.Reference}", Exact = true }).CheckAsync();
        await Expect(phone.GetByRole(AriaRole.Region, new() { Name = "Selected incidents" })).ToContainTextAsync("1 selected");
        await ShotAsync(phone, "queue-selection-phone");
    });

    [Fact]
    public Task Resolving_the_parent_resolves_the_child_and_its_reporter_sees_it_live() => Run(async () =>
    {
        var token = Token();
        var (reporter, manager, agentActor) = (await portal.ActorAsync(DemoEmails.Reporter), await portal.ActorAsync(DemoEmails.Manager),
            await portal.ActorAsync(DemoEmails.Agent));
        var parent = await ReportAsync(manager, $"Mail relay rejecting all mail {token}");
        await Incidents.ChangeAsync(manager, parent.Id, null, new AssignIncident(await TeamIdAsync("Network"), agentActor.UserId));
        var majorId = await Majors.DeclareAsync(manager, parent.Id, Severity.Sev2, manager.UserId, null);
        var child = await ReportAsync(reporter, $"My mails bounce {token}");
        await Majors.LinkAsync(manager, majorId, [child.Id]);
        await Incidents.ChangeAsync(agentActor, parent.Id, null, new AddComment("We have found the cause and are fixing it.", IsPublic: true));
        await Incidents.ChangeAsync(agentActor, parent.Id, null, new AddComment("Internal: relay cert expired, vendor case 99", IsPublic: false));

        var page = await SignedInPageAsync(DemoUsers.Reporter);
        await page.GotoInteractiveAsync($"/incidents/{child.Id}");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Known major incident" });
        await Expect(banner).ToContainTextAsync("This is part of a known major incident");
        await Expect(banner).ToContainTextAsync("We have found the cause and are fixing it.");
        await Expect(page.GetByText("vendor case 99")).ToHaveCountAsync(0);
        await ShotAsync(page, "reporter-major-banner-desktop");
        await page.EvaluateAsync("() => window.linkTestMarker = 'not reloaded'");

        var results = await Majors.ResolveAsync(manager, majorId, ResolutionCode.Fixed, "The mail relay's certificate was renewed.");

        Assert.True(Assert.Single(results).Resolved);
        await Expect(page.GetByLabel("Incident status", new() { Exact = true })).ToHaveTextAsync("Resolved");
        await Expect(page.GetByText("Status: Resolved")).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("it has been resolved");
        Assert.Equal("not reloaded", await page.EvaluateAsync<string>("() => window.linkTestMarker"));
        await Expect(page.GetByText("vendor case 99")).ToHaveCountAsync(0);

        var phone = await SignedInPageAsync(DemoUsers.Reporter, E2EViewports.Phone);
        await phone.GotoInteractiveAsync($"/incidents/{child.Id}");
        await Expect(phone.GetByRole(AriaRole.Region, new() { Name = "Known major incident" })).ToBeVisibleAsync();
        await ShotAsync(phone, "reporter-major-banner-phone");
    });

    [Fact]
    public Task Marking_a_duplicate_tells_the_reporter_live_and_lets_them_follow_the_original() => Run(async () =>
    {
        var token = Token();
        var (reporter, other, agentActor) = (await portal.ActorAsync(DemoEmails.Reporter), await portal.ActorAsync(DemoEmails.OtherReporter),
            await portal.ActorAsync(DemoEmails.Agent));
        var original = await ReportAsync(other, $"Printer on floor 3 offline {token}");
        var duplicate = await ReportAsync(reporter, $"Cannot print on the third floor {token}");
        await Incidents.ChangeAsync(agentActor, original.Id, null, new AddComment("A technician is on the way.", IsPublic: true));
        await Incidents.ChangeAsync(agentActor, original.Id, null, new AddComment("Internal: toner contract lapsed", IsPublic: false));

        var reporterPage = await SignedInPageAsync(DemoUsers.Reporter);
        await reporterPage.GotoInteractiveAsync($"/incidents/{duplicate.Id}");
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync($"/incidents/{duplicate.Id}");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate of…" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Original incident").FillAsync(duplicate.Reference);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("cannot be a duplicate of itself");
        await dialog.GetByLabel("Original incident").FillAsync(original.Reference);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(agent.GetByRole(AriaRole.Region, new() { Name = "Related incidents" })).ToContainTextAsync($"Duplicate of {original.Reference}");
        await ShotAsync(agent, "workspace-duplicate-desktop");

        var notice = reporterPage.GetByRole(AriaRole.Region, new() { Name = "Duplicate report" });
        await Expect(notice).ToContainTextAsync($"Your report is a duplicate of {original.Reference}");
        await Expect(notice).ToContainTextAsync("A technician is on the way.");
        await Expect(reporterPage.GetByText($"Your report is a duplicate of {original.Reference}; follow it there.")).ToBeVisibleAsync();
        await ShotAsync(reporterPage, "reporter-duplicate-notice-desktop");
        await notice.GetByRole(AriaRole.Link, new() { Name = $"Follow {original.Reference}" }).ClickAsync();

        await Expect(reporterPage.GetByRole(AriaRole.Region, new() { Name = "Following" })).ToContainTextAsync(duplicate.Reference);
        await Expect(reporterPage.GetByText("A technician is on the way.")).ToBeVisibleAsync();
        await Expect(reporterPage.GetByText("toner contract")).ToHaveCountAsync(0);
        await Expect(reporterPage.GetByRole(AriaRole.Heading, new() { Name = "Your report" })).ToHaveCountAsync(0); // not their report
        await ShotAsync(reporterPage, "reporter-following-original-desktop");
    });

    private async Task<Incident> ReportAsync(Actor reporter, string title)
    {
        var serviceId = await portal.WithDbAsync(db => db.Services.Where(s => s.Name == "VPN").Select(s => s.Id).SingleAsync());
        return await Incidents.ReportAsync(reporter, new IncidentDraft(title, "Reported by the linking test.", Impact.Medium, Urgency.Medium,
            IncidentSource.Portal, serviceId, null));
    }

    private Task<int> TeamIdAsync(string name) => portal.WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private static string Token() => "mil" + Guid.NewGuid().ToString("N")[..8];

    private async Task<IPage> SignedInPageAsync(PortalUser user, ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseUrl, ViewportSize = viewport ?? E2EViewports.Desktop, Locale = "en-GB", TimezoneId = "UTC",
        });
        context.SetDefaultTimeout((float)BrowserFixture.DefaultTimeout.TotalMilliseconds);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => output.WriteLine($"[page error] {error}");
        await page.SignInAsync(user);
        return page;
    }

    /// <summary>Screenshots for a look (bin/…/screenshots/mi-linking-*.png).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.WaitForTimeoutAsync(300); // let toasts and dialogs finish their transition
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"mi-linking-{name}.png"), FullPage = true });
    }

    private async Task Run(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            var index = 0;
            foreach (var page in contexts.SelectMany(c => c.Pages).ToList())
            {
                try { await ShotAsync(page, $"failure-{++index}"); }
                catch (PlaywrightException) { /* closed */ }
                output.WriteLine($"page {index}: {page.Url}");
            }
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
    }
}

internal static class E2EViewports
{
    public static readonly ViewportSize Desktop = E2ETest.Desktop;
    public static readonly ViewportSize Phone = E2ETest.Phone;
}
