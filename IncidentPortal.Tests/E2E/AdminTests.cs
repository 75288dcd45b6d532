using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>An admin grants roles on /admin/users; the user then works in the role. Confirmations close on Escape.</summary>
public sealed class AdminTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_admin_makes_a_new_user_an_agent_who_then_gets_the_agent_navigation_and_home() => Run(async () =>
    {
        var user = DemoUsers.NewUnique();
        var userPage = await NewPageAsync();
        await userPage.SubmitRegistrationAsync(user);
        await userPage.WaitForURLAsync("**/incidents/new");
        await userPage.WaitForInteractiveAsync();
        await Expect(userPage.NavLink("My incidents")).ToBeVisibleAsync();
        await Expect(userPage.NavLink("Queue")).ToHaveCountAsync(0);

        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await GrantRolesAsync(admin, user, "Agent");

        // Roles travel in the sign-in cookie, refreshed at sign-in (and by Identity's revalidation once a minute):
        // signing in again picks the new role up at once.
        await userPage.SignOutButton().ClickAsync();
        await userPage.WaitForURLAsync("**/Account/Login");
        await userPage.SignInAsync(user);
        Assert.Equal("/queue", userPage.PathOf());
        await Expect(userPage.Heading("Queue")).ToBeVisibleAsync();
        await userPage.WaitForInteractiveAsync();
        await Expect(userPage.NavLink("Queue")).ToBeVisibleAsync();
        await Expect(userPage.NavLink("Users")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Escape_closes_a_delete_confirmation_and_keeps_the_team() => Run(async () =>
    {
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/teams");
        var confirmation = admin.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Delete the team Security?" });

        await admin.GetByRole(AriaRole.Button, new() { Name = "Delete Security", Exact = true }).ClickAsync();
        await Expect(confirmation).ToBeVisibleAsync();
        // The dialog takes focus once it has rendered: Escape goes to it from then on.
        await admin.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') != null");
        await admin.Keyboard.PressAsync("Escape");
        await Expect(confirmation).ToHaveCountAsync(0);

        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Delete Security", Exact = true })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_user_who_is_only_an_admin_starts_on_the_users_page() => Run(async () =>
    {
        var user = DemoUsers.NewUnique();
        var registration = await NewPageAsync();
        await registration.SubmitRegistrationAsync(user);
        await registration.WaitForURLAsync("**/incidents/new");

        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await GrantRolesAsync(admin, user, "Admin");

        var page = await NewPageAsync();
        await page.SignInAsync(user);
        Assert.Equal("/admin/users", page.PathOf());
        await Expect(page.Heading("Users")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.NavLink("Users")).ToBeVisibleAsync();
    });

    /// <summary>Finds the user on /admin/users, ticks the roles in the editor, saves, and checks the grid shows them.</summary>
    private static async Task GrantRolesAsync(IPage admin, PortalUser user, params string[] roles)
    {
        await admin.GotoInteractiveAsync("/admin/users");
        await Expect(admin.Heading("Users")).ToBeVisibleAsync();
        await admin.GetByLabel("Search users", new() { Exact = true }).FillAsync(user.Email);
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = user.Email });
        await Expect(row).ToHaveCountAsync(1);
        var rolesCell = row.GetByRole(AriaRole.Cell).Nth(2);
        await Expect(rolesCell).ToHaveTextAsync("Reporter");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {user.DisplayName}", Exact = true }).ClickAsync();
        var editor = admin.GetByRole(AriaRole.Region, new() { Name = $"Edit {user.DisplayName}", Exact = true });
        await Expect(editor).ToBeVisibleAsync();
        foreach (var role in roles) await editor.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(admin.GetByText($"{user.DisplayName} updated.")).ToBeVisibleAsync();
        await Expect(editor).ToBeHiddenAsync();
        await Expect(rolesCell).ToHaveTextAsync(string.Join(" ", roles));
    }
}
