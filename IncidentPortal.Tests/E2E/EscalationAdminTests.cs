using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// An admin builds an escalation policy on /admin/escalation-policies: a step without anyone to notify is refused at
/// that step, the fixed policy is listed with its steps in order. The policy is deleted at the end (shared demo server).
/// </summary>
public sealed class EscalationAdminTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_admin_adds_a_step_is_told_it_needs_a_target_then_saves_and_the_list_shows_the_steps_in_order() => Run(async () =>
    {
        var name = "E2E paging " + Guid.NewGuid().ToString("N")[..6];
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/escalation-policies");
        await Expect(admin.Heading("Escalation policies")).ToBeVisibleAsync();
        // The demo policy is listed with its two steps.
        var demo = admin.GetByRole(AriaRole.List, new() { Name = "Steps of Major incident paging" });
        await Expect(demo.GetByRole(AriaRole.Listitem)).ToContainTextAsync(["Notify Alex Agent, then wait 5 seconds", "Notify Sam Security, then wait 1 minute"]);

        await admin.Button("New policy").ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Step(admin, 1).GetByLabel("Alex Agent").CheckAsync();
        await admin.Button("Create policy").ClickAsync();
        var steps = admin.GetByRole(AriaRole.List, new() { Name = $"Steps of {name}" }).GetByRole(AriaRole.Listitem);
        await Expect(steps).ToContainTextAsync(["Notify Alex Agent, then wait 5 minutes"]);

        try
        {
            await admin.Button($"Edit {name}").ClickAsync();
            await admin.Button("Add step").ClickAsync();
            await Step(admin, 2).GetByLabel("Wait before the next step").FillAsync("30");
            await Step(admin, 2).ChooseAsync("Unit", "seconds", admin);
            await admin.Button("Save policy").ClickAsync();
            await Expect(Step(admin, 2).GetByRole(AriaRole.Alert)).ToHaveTextAsync("Step 2: choose at least one person or team to notify.");
            await Expect(steps).ToHaveCountAsync(1);

            await Step(admin, 2).GetByLabel("Team Network").CheckAsync();
            await admin.Button("Move step 2 up").ClickAsync();
            await admin.GetByLabel("Repeat the steps (times)").FillAsync("2");
            await admin.Button("Save policy").ClickAsync();

            await Expect(admin.Button("Save policy")).ToHaveCountAsync(0);
            await Expect(steps).ToContainTextAsync(["Notify team Network, then wait 30 seconds", "Notify Alex Agent, then wait 5 minutes"]);
            await Expect(admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name }).First).ToContainTextAsync("Repeats 2 times");
        }
        finally
        {
            await admin.Button($"Delete {name}").ClickAsync();
            await admin.Button("Delete policy").ClickAsync();
            await Expect(admin.GetByRole(AriaRole.List, new() { Name = $"Steps of {name}" })).ToHaveCountAsync(0);
        }
    });

    private static ILocator Step(IPage page, int number) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"Step {number}", Exact = true });
}
