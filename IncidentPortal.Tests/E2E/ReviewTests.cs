using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// The post-incident review: an incident manager starts it from a resolved incident, edits sections while a colleague
/// watches them change live, sends it for review and publishes it, after which it is read-only. Nothing typed in runs.
/// </summary>
public sealed class ReviewTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_manager_drafts_edits_and_publishes_a_review_that_a_colleague_sees_change_live() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"VPN drops every ten minutes {run}");

        // The manager takes and resolves the incident; the workspace then offers a review.
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await manager.Button("Assign to me").ClickAsync();
        // The VPN incident is Network's and the manager is in Service Desk only: asked which team, never moved silently.
        await manager.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(manager.StatusChip()).ToHaveTextAsync("Assigned");
        await manager.Button("Resolve").ClickAsync();
        await manager.ChooseAsync("Resolution code", "Fixed");
        await manager.GetByLabel("Resolution notes").FillAsync($"Replaced the flapping uplink {run}.");
        await manager.Button("Resolve incident").ClickAsync();
        await Expect(manager.StatusChip()).ToHaveTextAsync("Resolved");
        var card = manager.GetByRole(AriaRole.Region, new() { Name = "Post-incident review" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Start review" }).ClickAsync();
        await manager.WaitForURLAsync($"**/incidents/{id}/review");
        await manager.WaitForInteractiveAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Post-incident review: VPN drops") })).ToBeVisibleAsync();

        // The timeline was drafted from the activity log.
        var timeline = Section(manager, "Timeline");
        await Expect(timeline).ToContainTextAsync("Incident reported by Riley Reporter");
        await Expect(timeline).ToContainTextAsync("Morgan Manager took the incident");
        await Expect(timeline).ToContainTextAsync("Status Assigned → Resolved: Fixed (Morgan Manager)");
        await Expect(timeline).ToContainTextAsync($"Update to the reporter from Morgan Manager: Resolved (Fixed): Replaced the flapping uplink {run}.");

        // A colleague has the review open in another browser; their page is never reloaded.
        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}/review");
        await alex.EvaluateAsync("() => window.reviewTestMarker = 'not reloaded'");
        await Expect(manager.GetByLabel("People on this review")).ToContainTextAsync("Alex Agent");

        // Edit two sections. The summary carries script and a javascript: link, which must render inert.
        await Section(manager, "Summary").GetByRole(AriaRole.Button, new() { Name = "Edit Summary" }).ClickAsync();
        await Expect(Section(alex, "Summary")).ToContainTextAsync("Morgan Manager is editing");
        var summary = $"VPN dropped for everyone {run}. <script>window.reviewXss = 1</script> [click me](javascript:window.reviewXss=2)";
        await manager.GetByLabel("Summary (Markdown)").FillAsync(summary);
        await Expect(Section(manager, "Summary").GetByRole(AriaRole.Status).First).ToHaveTextAsync(new Regex(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$"));
        await Expect(Section(alex, "Summary")).ToContainTextAsync($"VPN dropped for everyone {run}.");
        await Section(manager, "Summary").GetByRole(AriaRole.Button, new() { Name = "Done editing Summary" }).ClickAsync();

        await Section(manager, "Root cause").GetByRole(AriaRole.Button, new() { Name = "Edit Root cause" }).ClickAsync();
        await manager.GetByLabel("Root cause (Markdown)").FillAsync($"A **flapping uplink** on the core switch {run}.");
        await Section(manager, "Root cause").GetByRole(AriaRole.Button, new() { Name = "Done editing Root cause" }).ClickAsync();
        await Expect(Section(alex, "Root cause").Locator("strong")).ToHaveTextAsync("flapping uplink");
        Assert.Equal("not reloaded", await alex.EvaluateAsync<string>("() => window.reviewTestMarker"));

        // An action item with an owner: the owner's open review shows it without a reload.
        var action = $"Monitor uplink flaps {run}";
        await manager.Button("Add action item").ClickAsync();
        var editor = manager.GetByRole(AriaRole.Dialog, new() { Name = "Add an action item" });
        await editor.GetByLabel("Action").FillAsync(action);
        await editor.ChooseAsync("Team", "Network", manager);
        await editor.ChooseAsync("Owner", "Alex Agent", manager);
        await editor.GetByLabel("Due date").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"));
        await editor.ChooseAsync("Type", "Detect", manager);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);
        var alexItem = ActionItem(alex, action);
        await Expect(alexItem).ToContainTextAsync("Alex Agent");
        await Expect(alexItem).ToContainTextAsync("Network");
        Assert.Equal("not reloaded", await alex.EvaluateAsync<string>("() => window.reviewTestMarker"));

        foreach (var page in new[] { manager, alex })
        {
            var rendered = Section(page, "Summary");
            await Expect(rendered).ToContainTextAsync("<script>window.reviewXss = 1</script>");
            await Expect(rendered.Locator("script")).ToHaveCountAsync(0);
            // The javascript: link is left as its text: nothing to click.
            await Expect(rendered).ToContainTextAsync("click me");
            await Expect(rendered.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
            Assert.Null(await page.EvaluateAsync<int?>("() => window.reviewXss ?? null"));
        }

        // Draft → In review → Published; the colleague's page follows, and the text becomes read-only.
        await manager.Button("Send for review").ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog, new() { Name = "Send for review" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send to reviewers" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose at least one reviewer.");
        await dialog.GetByLabel("Alex Agent").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send to reviewers" }).ClickAsync();
        await Expect(ReviewStatus(manager)).ToHaveTextAsync("In review");
        await Expect(ReviewStatus(alex)).ToHaveTextAsync("In review");
        await Expect(alex.GetByText("Reviewers: Alex Agent")).ToBeVisibleAsync();

        await manager.Button("Publish").ClickAsync();
        await Expect(ReviewStatus(manager)).ToHaveTextAsync("Published");
        await Expect(ReviewStatus(alex)).ToHaveTextAsync("Published");
        foreach (var page in new[] { manager, alex })
        {
            await Expect(page.GetByText("This review is published and read-only.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Edit ") })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Comment on ") })).ToHaveCountAsync(0);
        }
        // Action items stay workable, but none can be added to a published review.
        await Expect(manager.Button("Add action item")).ToHaveCountAsync(0);
        await alex.ChooseAsync($"Status of {action}", "In progress");
        await Expect(manager.GetByLabel($"Status of {action}")).ToHaveValueAsync("In progress");
        Assert.Equal("not reloaded", await alex.EvaluateAsync<string>("() => window.reviewTestMarker"));

        // The owner also finds the review's item in "My action items", with its new status.
        var alexList = await SignedInPageAsync(DemoUsers.Agent);
        await alexList.GotoInteractiveAsync("/action-items");
        var listed = alexList.GetByRole(AriaRole.Row).Filter(new() { HasText = action });
        await Expect(listed).ToBeVisibleAsync();
        await Expect(listed.GetByLabel($"Status of {action}")).ToHaveValueAsync("In progress");

        // Not shared: the reporter cannot open it.
        await reporter.GotoInteractiveAsync($"/incidents/{id}/review");
        await Expect(reporter.Heading("Review not found")).ToBeVisibleAsync();
        Assert.DoesNotContain("flapping uplink", await reporter.ContentAsync());
    });

    [Fact]
    public Task A_lone_editor_who_waits_for_the_autosave_is_never_told_they_saved_meanwhile_and_Done_closes_the_editor() => Run(async () =>
    {
        // Defect 13: real typing, real waiting for the autosave (a second after the last keystroke), nobody else on the page.
        var run = Guid.NewGuid().ToString("N")[..6];
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Autosave alone {run}");
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}/review");
        await manager.Button("Start review").ClickAsync();
        var summary = Section(manager, "Summary");
        await summary.GetByRole(AriaRole.Button, new() { Name = "Edit Summary" }).ClickAsync();
        var box = manager.GetByLabel("Summary (Markdown)");
        await box.FillAsync("");
        await box.PressSequentiallyAsync($"The relay queue filled up {run}.", new() { Delay = 20 });
        await box.PressAsync("Enter");
        var state = summary.GetByRole(AriaRole.Status).First;
        await Expect(state).ToHaveTextAsync(new Regex(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$"), new() { Timeout = 15_000 });
        await box.PressSequentiallyAsync("Mail waited up to two hours. ", new() { Delay = 20 });
        await Expect(state).ToHaveTextAsync(new Regex(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$"), new() { Timeout = 15_000 });
        // Longer than the autosave delay again: any late echo of our own save has arrived by now.
        await manager.WaitForTimeoutAsync(2500);

        await Expect(summary.GetByText("saved this section while you were editing")).ToHaveCountAsync(0);
        await Expect(summary.GetByLabel("Their text")).ToHaveCountAsync(0);
        await summary.GetByRole(AriaRole.Button, new() { Name = "Done editing Summary" }).ClickAsync();
        await Expect(box).ToHaveCountAsync(0);
        await Expect(summary).ToContainTextAsync("Mail waited up to two hours.");
        await Expect(summary.GetByRole(AriaRole.Button, new() { Name = "Edit Summary" })).ToBeVisibleAsync();
    });

    private static ILocator Section(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    private static ILocator ActionItem(IPage page, string title) =>
        page.GetByRole(AriaRole.List, new() { Name = "Action items" }).GetByRole(AriaRole.Listitem, new() { Name = title });

    private static ILocator ReviewStatus(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Review status", Exact = true });
}
