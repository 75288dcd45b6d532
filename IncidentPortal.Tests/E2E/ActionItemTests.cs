using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// An incident manager gives an agent an action item; the agent's My action items, open in another browser, shows it
/// without a reload. The agent opens a problem record from it; the manager links a second incident to that problem.
/// </summary>
public sealed class ActionItemTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task A_manager_assigns_an_item_the_owner_sees_it_live_spawns_a_problem_and_a_second_incident_is_linked() => Run(async () =>
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"Alert on certificate expiry {run}";
        var reporter = await SignedInPageAsync(DemoUsers.Reporter);
        var first = await reporter.ReportIncidentAsync($"VPN certificate expired {run}");
        var second = await reporter.ReportIncidentAsync($"VPN refuses logins again {run}");

        var alex = await SignedInPageAsync(DemoUsers.Agent);
        await alex.GotoInteractiveAsync("/action-items");
        await Expect(alex.Heading("My action items")).ToBeVisibleAsync();
        await alex.EvaluateAsync("() => window.itemsTestMarker = 'not reloaded'");

        var morgan = await SignedInPageAsync(DemoUsers.Manager);
        await morgan.GotoInteractiveAsync($"/incidents/{first}");
        var firstReference = await morgan.IncidentReference().TextContentAsync() ?? "";
        await morgan.Button("Add action item").ClickAsync();
        var dialog = morgan.GetByRole(AriaRole.Dialog, new() { Name = "Add an action item" });
        // Bad input: the fields say what is wrong and nothing is added.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add action item", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("The title is required.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Choose the owner.")).ToBeVisibleAsync();

        await dialog.GetByLabel("Action", new() { Exact = true }).FillAsync(title);
        await dialog.ChooseAsync("Team", "Service Desk", morgan);
        await dialog.ChooseAsync("Owner", "Alex Agent", morgan);
        await dialog.ChooseAsync("Type", "Detect", morgan);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add action item", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var item = morgan.GetByRole(AriaRole.List, new() { Name = "Action items" }).GetByRole(AriaRole.Listitem, new() { Name = title });
        await Expect(item).ToContainTextAsync("Alex Agent");
        await Expect(item).ToContainTextAsync("Due ");

        // Alex's list, open all along, shows the item without a reload.
        var row = alex.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync(firstReference);
        await Expect(row).ToContainTextAsync("You");
        Assert.Equal("not reloaded", await alex.EvaluateAsync<string>("() => window.itemsTestMarker"));

        // Alex opens a problem record from it.
        await alex.Button($"Open a problem record for {title}").ClickAsync();
        await Expect(alex.Heading(title)).ToBeVisibleAsync();
        Assert.Matches(new Regex(@"^/problems/\d+$"), alex.PathOf());
        var linked = alex.GetByRole(AriaRole.List, new() { Name = "Linked incidents" });
        await Expect(linked).ToContainTextAsync(firstReference);
        await Expect(alex.GetByLabel("Status: Open")).ToBeVisibleAsync();

        // Morgan links the second incident to that problem from its workspace; Alex's problem page follows live.
        await morgan.GotoInteractiveAsync($"/incidents/{second}");
        var secondReference = await morgan.IncidentReference().TextContentAsync() ?? "";
        await morgan.ChooseAsync("Link to problem", $"{ProblemReference(alex)} · {title}");
        await morgan.Button("Link").ClickAsync();
        var card = morgan.GetByRole(AriaRole.Region, new() { Name = "Problem" });
        await Expect(card).ToContainTextAsync(ProblemReference(alex));
        await Expect(card).ToContainTextAsync("2 linked incidents");
        await Expect(linked).ToContainTextAsync(secondReference);

        // The lifecycle: a known error needs its root cause.
        await alex.Button("Mark as known error").ClickAsync();
        // Scoped by text: a toast (also an alert) for Alex's new action item may still be on screen.
        await Expect(alex.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Describe the known error" })).ToBeVisibleAsync();
        await alex.GetByLabel("Known error (root cause)").FillAsync("The renewal job ran under an expired service account.");
        await alex.GetByLabel("Workaround").FillAsync("Renew the certificate by hand.");
        await alex.Button("Save record").ClickAsync();
        await Expect(alex.GetByRole(AriaRole.Status).Filter(new() { HasText = "The problem record is saved." })).ToBeVisibleAsync();
        await alex.Button("Mark as known error").ClickAsync();
        await Expect(alex.GetByLabel("Status: Known error")).ToBeVisibleAsync();

        // Reporters never see action items or problems.
        await reporter.GotoAsync("/action-items");
        await Expect(reporter.GetByText(title)).ToHaveCountAsync(0);
        await reporter.GotoAsync($"/incidents/{first}");
        await Expect(reporter.GetByText("Status:").First).ToBeVisibleAsync();
        Assert.DoesNotContain(title, await reporter.ContentAsync());
    });

    private static string ProblemReference(IPage page) => $"PRB-{int.Parse(page.PathOf().Split('/')[^1]):D5}";
}
