using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// Defect 9: an admin invites a user (roles, team); the person sets a password from the e-mailed link, signs in and works
/// in the role. The link works once. Deleting a team with open incidents says how many and asks where they go.
/// </summary>
public sealed class UserInvitationE2ETests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    [Fact]
    public Task An_admin_invites_a_user_who_sets_a_password_from_the_emailed_link_and_signs_in_as_an_agent() => Run(async () =>
    {
        var user = DemoUsers.NewUnique("Ivy Invited");
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite user", Exact = true }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Invite a user" });
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(user.DisplayName);
        await dialog.GetByLabel("E-mail address").FillAsync("not an address");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Enter a valid e-mail address.");

        await dialog.GetByLabel("E-mail address").FillAsync(user.Email);
        await dialog.GetByLabel("Agent", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("Network", new() { Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await admin.GetByLabel("Search users", new() { Exact = true }).FillAsync(user.Email);
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = user.Email });
        await Expect(row).ToContainTextAsync("Invited");
        await Expect(row).ToContainTextAsync("Network");

        var mail = await Server.Smtp.WaitForMessageToAsync(user.Email);
        Assert.Equal("You are invited to IncidentPortal", mail.Subject);
        var text = mail.TextBody!;
        var start = text.IndexOf(Server.BaseUrl + "/Account/SetPassword?", StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var link = text[start..text.IndexOfAny(['\r', '\n'], start)];

        var invited = await NewPageAsync();
        await invited.GotoAsync(link);
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await invited.GetByLabel("New password").FillAsync(user.Password);
        await invited.GetByLabel("Confirm the password").FillAsync(user.Password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await invited.WaitForURLAsync("**/Account/Login**");
        await Expect(invited.GetByText("Your password is set.")).ToBeVisibleAsync();
        await invited.SignInAsync(user);
        Assert.Equal("/queue", invited.PathOf());

        // The link worked once.
        var again = await NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("expired or was already used");
        await Expect(again.GetByLabel("New password")).ToHaveCountAsync(0);

        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await admin.GetByLabel("Search users", new() { Exact = true }).FillAsync(user.Email);
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = user.Email })).ToContainTextAsync("Active");
    });

    [Fact]
    public Task Deleting_a_team_says_how_many_open_incidents_it_has_and_what_must_change_first_with_a_destructive_button() => Run(async () =>
    {
        var admin = await SignedInPageAsync(DemoUsers.Admin);
        await admin.GotoInteractiveAsync("/admin/teams");
        // Network has open demo incidents and supports services: the dialog says how many and what must change first.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Delete Network", Exact = true }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog, new() { Name = "Delete the team Network?" });
        await Expect(dialog).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"It has \d+ open incidents?\."));
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give them another support team first.");
        var delete = dialog.GetByRole(AriaRole.Button, new() { Name = "Delete team" });
        await Expect(delete).ToBeDisabledAsync();
        // Destructive, and styled as such.
        Assert.Contains("mud-button-filled-error", await delete.GetAttributeAsync("class") ?? "");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Delete Network", Exact = true })).ToBeVisibleAsync();
    });
}
