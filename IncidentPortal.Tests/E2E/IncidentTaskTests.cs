using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Tasks inside an incident: one agent hands out work, the other sees it arrive live; resolving asks about open tasks.</summary>
public sealed class IncidentTaskTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    /// <summary>An agent of the Security team whom no other browser test signs in as.</summary>
    private static readonly PortalUser Sam = new("sam@demo.local", DemoUsers.Password, "Sam Security");

    [Fact]
    public Task An_agent_adds_a_task_for_another_agent_who_sees_it_arrive_in_My_tasks_live_and_completes_it() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"Revoke the leaked badge {run}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Badge reader lets strangers in {run}");
        var reference = await reporter.IncidentReference().TextContentAsync() ?? "";

        var sam = await SignedInPageAsync(Sam);
        await sam.GotoInteractiveAsync("/queue/my-tasks");
        await Expect(TasksTab(sam)).ToHaveAttributeAsync("aria-selected", "true");
        var countBefore = await OpenTaskCountAsync(sam);
        await sam.EvaluateAsync("() => window.tasksTestMarker = 'not reloaded'");

        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        await alex.Button("Add task").ClickAsync();
        var dialog = alex.GetByRole(AriaRole.Dialog, new() { Name = $"Add a task to {reference}" });
        // Bad input: the field says what is wrong and nothing is added.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("The title is required.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Task", new() { Exact = true }).FillAsync(title);
        await dialog.ChooseAsync("Team", "Security", alex);
        await dialog.ChooseAsync("Owner", "Sam Security", alex);
        await dialog.GetByLabel("Due (UTC) (optional)").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var item = TaskItem(alex, reference, title);
        await Expect(item).ToContainTextAsync("Sam Security");
        await Expect(item).ToContainTextAsync("Open");
        await Expect(alex.Timeline()).ToContainTextAsync($"Task added: \"{title}\" for Security / Sam Security");

        // Sam's My tasks, open all along, shows the task without a reload.
        var row = sam.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(reference);
        await Expect(row).ToContainTextAsync("You");
        await Expect(row).ToContainTextAsync(new Regex(@"in (2\d h|23 h \d+ min|1 d)"));
        await Expect(TasksTab(sam)).ToHaveAccessibleNameAsync(new Regex($@"^My tasks\s*,\s*{countBefore + 1:N0}\s*open$"));
        Assert.Equal("not reloaded", await sam.EvaluateAsync<string>("() => window.tasksTestMarker"));

        // Sam completes it; Alex's task list follows live.
        await sam.Button($"Mark {title} done").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(TasksTab(sam)).ToHaveAccessibleNameAsync(new Regex($@"^My tasks\s*,\s*{countBefore:N0}\s*open$"));
        await Expect(item).ToContainTextAsync("Done");
        await Expect(alex.Button($"Mark {title} done")).ToHaveCountAsync(0);
        await Expect(alex.Timeline()).ToContainTextAsync($"Task \"{title}\": Open → Done");
    });

    [Fact]
    public Task Resolving_with_an_open_task_asks_for_confirmation_and_can_cancel_the_task() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"Ask the vendor for a fix {run}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var id = await reporter.ReportIncidentAsync($"Scanner driver crashes {run}");
        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync($"/incidents/{id}");
        var reference = await alex.IncidentReference().TextContentAsync() ?? "";
        await alex.Button("Assign to me").ClickAsync();
        await Expect(alex.StatusChip()).ToHaveTextAsync("Assigned");
        await alex.Button("Add task").ClickAsync();
        var dialog = alex.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Task", new() { Exact = true }).FillAsync(title);
        await dialog.ChooseAsync("Team", "Network", alex);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add task", Exact = true }).ClickAsync();
        await Expect(TaskItem(alex, reference, title)).ToContainTextAsync("Unowned");

        await alex.Button("Resolve").ClickAsync();
        await alex.ChooseAsync("Resolution code", "Fixed");
        await alex.GetByLabel("Resolution notes").FillAsync("Installed the vendor's new driver.");
        await alex.Button("Resolve incident").ClickAsync();

        var confirm = alex.GetByRole(AriaRole.Dialog, new() { Name = "Resolve with open tasks?" });
        await Expect(confirm).ToContainTextAsync("This incident has 1 open task. Resolve anyway?");
        await Expect(confirm).ToContainTextAsync(title);
        await Expect(alex.StatusChip()).ToHaveTextAsync("Assigned");

        await confirm.GetByLabel("Also cancel this task").CheckAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Resolve anyway" }).ClickAsync();
        await Expect(alex.StatusChip()).ToHaveTextAsync("Resolved");
        await Expect(TaskItem(alex, reference, title)).ToContainTextAsync("Cancelled");
        await Expect(alex.Timeline()).ToContainTextAsync($"Task \"{title}\": Open → Cancelled");
        // The reporter's page never mentions the task.
        await reporter.ReloadAsync();
        await Expect(reporter.GetByText("Status: Resolved")).ToBeVisibleAsync();
        Assert.DoesNotContain(title, await reporter.ContentAsync());
    });

    private static ILocator TasksTab(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Queue views" }).GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^My tasks") });

    /// <summary>The My tasks tab's count, from what it reads ("My tasks, 3 open").</summary>
    private static async Task<int> OpenTaskCountAsync(IPage page)
    {
        await Expect(TasksTab(page)).ToHaveAccessibleNameAsync(new Regex(@"^My tasks\s*,\s*[\d,]+\s*open$"));
        var label = await TasksTab(page).TextContentAsync() ?? "";
        return int.Parse(Regex.Match(label, @"\d[\d,]*").Value.Replace(",", ""));
    }

    private static ILocator TaskItem(IPage page, string reference, string title) =>
        page.GetByRole(AriaRole.List, new() { Name = $"Tasks of {reference}" }).GetByRole(AriaRole.Listitem, new() { Name = title });
}
