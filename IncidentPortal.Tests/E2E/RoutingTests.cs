using System.Text.RegularExpressions;
using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Routing rules and auto-assignment end to end: an admin writes a rule and switches a team to round robin, the team's
/// agent marks themselves available (the admin's open team page follows live), a reporter's matching incident lands
/// in the agent's queue live, and its timeline says which rule routed it and who auto-assigned it.
/// The shared demo server is put back as it was at the end (rule deleted, mode off, agent unavailable).
/// </summary>
public sealed class RoutingTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    /// <summary>The only member of Security in the demo organisation; no other browser test signs in as Sam.</summary>
    private static readonly PortalUser Sam = new("sam@demo.local", DemoUsers.Password, "Sam Security");

    [Fact]
    public Task A_rule_routes_a_reported_incident_to_the_team_where_an_available_agent_gets_it_assigned_live() => Run(async () =>
    {
        var word = "zebra" + Guid.NewGuid().ToString("N")[..6];
        var ruleName = "E2E security words " + word[^6..];
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/routing");
        await Expect(admin.Heading("Routing rules")).ToBeVisibleAsync();

        // A rule without a team is refused with a message at the team field, and nothing is created.
        await admin.Button("New rule").ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(ruleName);
        await admin.GetByLabel("Keywords in the title or description").FillAsync($"{word}, ransom note");
        await admin.Button("Create rule").ClickAsync();
        await Expect(admin.GetByText("Choose the team that matching incidents go to.")).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Route to team")).ToBeFocusedAsync();
        await admin.ChooseAsync("Route to team", "Security");
        await admin.ChooseAsync("Raise priority", "To at least P3");
        await admin.Button("Create rule").ClickAsync();
        var card = admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = ruleName });
        await Expect(card).ToContainTextAsync($"Words: \"{word}\", \"ransom note\"");
        await Expect(card).ToContainTextAsync("Route to Security, raise priority to at least P3");

        try
        {
            // The rule tester names the rule for a matching title and does not for a near miss.
            await admin.GetByLabel("Title", new() { Exact = true }).FillAsync($"Strange {word.ToUpperInvariant()} popup");
            await admin.ChooseAsync("Service", "VPN");
            await admin.Button("Test").ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Rule '{ruleName}' fires: routed to Security." })).ToBeVisibleAsync();
            await admin.GetByLabel("Title", new() { Exact = true }).FillAsync($"Strange {word}s popup");
            await admin.Button("Test").ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "No rule matches: it goes to Network" })).ToBeVisibleAsync();

            // Security auto-assigns round robin; the admin keeps its team page open.
            await admin.GotoInteractiveAsync("/admin/teams");
            await admin.Button("Members of Security").ClickAsync();
            await admin.ChooseAsync("When an incident arrives without an assignee", "Round robin: next available member in turn");
            var samAvailability = admin.GetByRole(AriaRole.List, new() { Name = "Availability in Security" }).GetByRole(AriaRole.Listitem)
                .Filter(new() { HasText = Sam.DisplayName });
            await Expect(samAvailability).ToContainTextAsync("Unavailable");

            // Sam switches himself available in the queue header; the admin's page follows without reloading.
            var sam = await SignedInPageAsync(Sam);
            await sam.GotoInteractiveAsync("/queue?view=my-work");
            var toggle = sam.GetByRole(AriaRole.Switch, new() { Name = "Available for auto-assignment" });
            await Expect(toggle).Not.ToBeCheckedAsync();
            await toggle.CheckAsync();
            await Expect(samAvailability).ToContainTextAsync("Available ·");

            // A reporter reports something mentioning the word on the VPN service (normally Network's).
            var reporter = await SignedInPageAsync(DemoUsers.Reporter);
            var title = $"Laptop shows a {word} ransom note";
            await reporter.GotoInteractiveAsync("/incidents/new");
            await reporter.GetByLabel("What is wrong?").FillAsync(title);
            await reporter.ChooseAsync("Which service is affected?", "VPN");
            await reporter.GetByLabel("Only me").CheckAsync();
            await reporter.GetByLabel("It can wait, or I have a workaround").CheckAsync();
            await reporter.Button("Report incident").ClickAsync();
            await reporter.WaitForURLAsync(new Regex(@"/incidents/\d+\?reported=true$"), ReportedNavigation);
            var logged = reporter.GetByText(new Regex(@"your incident INC-\d{6} has been logged"));
            var reference = Regex.Match(await logged.InnerTextAsync(), @"INC-\d{6}").Value;

            // It appears in Sam's My work live, already his; its timeline says why.
            var row = sam.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
            await Expect(row).ToBeVisibleAsync();
            await row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
            var timeline = sam.Timeline();
            await Expect(timeline).ToContainTextAsync($"Routed to Security by rule '{ruleName}'");
            await Expect(timeline).ToContainTextAsync("Auto-assigned to Sam Security (round robin)");
            await Expect(timeline).ToContainTextAsync($"Raised to at least P3 by routing rule '{ruleName}'");

            // Sam goes unavailable again; the admin sees it live.
            await sam.GotoInteractiveAsync("/queue");
            await sam.GetByRole(AriaRole.Switch, new() { Name = "Available for auto-assignment" }).UncheckAsync();
            await Expect(samAvailability).ToContainTextAsync("Unavailable");
        }
        finally
        {
            await RestoreAsync(admin, ruleName);
        }
    });

    private static async Task RestoreAsync(IPage admin, string ruleName)
    {
        await admin.GotoInteractiveAsync("/admin/teams");
        await admin.Button("Members of Security").ClickAsync();
        await admin.ChooseAsync("When an incident arrives without an assignee", "Off: it waits in the team queue");
        await Expect(admin.GetByRole(AriaRole.Combobox, new() { Name = "When an incident arrives without an assignee" }))
            .ToHaveTextAsync("Off: it waits in the team queue");
        await admin.GotoInteractiveAsync("/admin/routing");
        await admin.Button($"Delete {ruleName}").ClickAsync();
        await admin.Button("Delete rule").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = ruleName })).ToHaveCountAsync(0);
    }
}
