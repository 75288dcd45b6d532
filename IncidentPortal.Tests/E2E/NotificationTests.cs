using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>The bell and toasts follow other people's actions live; the notifications page marks things read.</summary>
public sealed partial class NotificationTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_assignment_rings_the_agents_bell_and_shows_a_toast_without_a_reload_and_reading_it_clears_the_count() => Run(async () =>
    {
        var title = $"Docking station flickers {Guid.NewGuid().ToString("N")[..6]}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync(title);

        // The agent starts with nothing unread (earlier tests may have left news for them).
        var agent = await SignedInPageAsync(DemoUsers.Agent);
        await agent.GotoInteractiveAsync("/notifications");
        await Expect(agent.GetByRole(AriaRole.List, new() { Name = "Notifications", Exact = true })
            .Or(agent.GetByRole(AriaRole.Heading, new() { Name = "No notifications yet" }))).ToBeVisibleAsync();
        var markAll = agent.Button("Mark all read");
        if (await markAll.IsEnabledAsync()) await markAll.ClickAsync();
        await Expect(Bell(agent)).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        await agent.GotoInteractiveAsync("/queue");

        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync($"/incidents/{id}");
        await manager.ChooseAsync("Team", "Service Desk");
        await manager.ChooseAsync("Assignee", "Alex Agent");
        await manager.Button("Save changes").ClickAsync();
        await Expect(manager.GetByText("Saved.")).ToBeVisibleAsync();

        // The agent's page was not reloaded: the count and the toast arrived over its circuit.
        await Expect(Bell(agent)).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await Expect(Toasts(agent).Filter(new() { HasText = title })).ToContainTextAsync("assigned to you");
        // Nobody else was told about it: the manager acted, the reporter hears only of public news.
        await Expect(Toasts(manager).Filter(new() { HasText = title })).ToHaveCountAsync(0);

        await Bell(agent).ClickAsync();
        var dropdown = agent.GetByRole(AriaRole.Region, new() { Name = "Latest notifications" });
        await Expect(dropdown.GetByRole(AriaRole.Link, new() { Name = $"assigned to you: {title} (unread)" })).ToBeVisibleAsync();
        await dropdown.GetByRole(AriaRole.Link, new() { Name = "See all notifications" }).ClickAsync();
        await agent.WaitForURLAsync("**/notifications");
        await Expect(agent.Heading("Notifications")).ToBeVisibleAsync();

        var item = agent.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(item).ToHaveClassAsync(new Regex(@"\bunread\b"));
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark read") }).ClickAsync();
        await Expect(item).Not.ToHaveClassAsync(new Regex(@"\bunread\b"));
        await Expect(Bell(agent)).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        await Expect(markAll).ToBeDisabledAsync();

        // Opening a notification leads to the incident.
        await item.GetByRole(AriaRole.Link).ClickAsync();
        await agent.WaitForURLAsync($"**/incidents/{id}");
        await Expect(agent.Heading(title)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Preferences_are_saved_per_kind_and_a_reporter_only_sees_the_kinds_that_can_reach_them() => Run(async () =>
    {
        var manager = await SignedInPageAsync(DemoUsers.Manager);
        await manager.GotoInteractiveAsync("/notifications/preferences");
        var email = manager.GetByLabel("Assigned to me: by email", new() { Exact = true });
        await Expect(email).ToBeCheckedAsync();
        await email.UncheckAsync();
        await manager.Button("Save preferences").ClickAsync();
        await Expect(SaveStatus(manager)).ToHaveTextAsync("Preferences saved.");

        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        await Expect(manager.GetByLabel("Assigned to me: by email", new() { Exact = true })).Not.ToBeCheckedAsync();
        await Expect(manager.GetByLabel("Assigned to me: in the portal", new() { Exact = true })).ToBeCheckedAsync();
        await manager.Button("Restore defaults").ClickAsync();
        await manager.Button("Save preferences").ClickAsync();
        await Expect(SaveStatus(manager)).ToHaveTextAsync("Preferences saved.");
        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        await Expect(manager.GetByLabel("Assigned to me: by email", new() { Exact = true })).ToBeCheckedAsync();

        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        await reporter.GotoInteractiveAsync("/notifications/preferences");
        await Expect(reporter.GetByLabel("My incident resolved: by email", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(reporter.GetByLabel("Assigned to me: by email", new() { Exact = true })).ToHaveCountAsync(0);
    });

    /// <summary>The form's own status line (the page also has the toast container, another status region).</summary>
    private static ILocator SaveStatus(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Save status", Exact = true });

    /// <summary>The toasts: MudBlazor's snackbar container, a polite status region.</summary>
    private static ILocator Toasts(IPage page) => page.GetByRole(AriaRole.Status);

    private static ILocator Bell(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = BellName() });

    [GeneratedRegex("^Notifications, ")]
    private static partial Regex BellName();
}
