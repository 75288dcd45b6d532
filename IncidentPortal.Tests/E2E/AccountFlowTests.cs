using IncidentPortal.Tests.E2E.Harness;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentPortal.Tests.E2E;

/// <summary>Registration, sign-in and sign-out through the real pages, as a user does them.</summary>
public sealed class AccountFlowTests(PortalServer server, BrowserFixture browser, ITestOutputHelper output)
    : E2ETest(server, browser, output)
{
    private const string WrongCredentials = "That email and password do not match an account.";
    private const string AuthCookie = "IncidentPortal.Auth";

    [Fact]
    public Task A_new_user_registers_gets_the_reporter_shell_keeps_dark_mode_and_signs_out() => Run(async () =>
    {
        var user = DemoUsers.NewUnique();
        var page = await NewPageAsync();

        // Registering signs the new Reporter in and takes them to their home page.
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account", Exact = true }).ClickAsync();
        await Expect(page.Heading("Create an account")).ToBeVisibleAsync();
        await page.SubmitRegistrationAsync(user);
        await page.WaitForURLAsync("**/incidents/new");
        await Expect(page.Heading("Report an incident")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        // The header names them; the navigation is a Reporter's.
        await Expect(page.AccountLink(user.DisplayName)).ToBeVisibleAsync();
        await Expect(page.AccountLink(user.DisplayName)).ToHaveAttributeAsync("href", "Account/Manage");
        await Expect(page.NavLink("Report an incident")).ToBeVisibleAsync();
        await Expect(page.NavLink("My incidents")).ToBeVisibleAsync();
        await Expect(page.NavLink("Queue")).ToHaveCountAsync(0);
        await Expect(page.NavLink("Users")).ToHaveCountAsync(0);

        // Dark mode: switches the theme now, and is remembered (cookie) across a reload.
        await page.ExpectThemeAsync(dark: false);
        await page.ToggleThemeAsync();
        await page.ExpectThemeAsync(dark: true);
        await page.WaitForThemeCookieAsync(PortalPage.DarkTheme);
        await page.ReloadAsync();
        await page.ExpectThemeAsync(dark: true); // already in the server-rendered HTML
        await page.WaitForInteractiveAsync();
        await page.ExpectThemeAsync(dark: true); // and still once the circuit has rendered

        // Signing out lands on the sign-in page, and the portal is closed to them again.
        await page.SignOutButton().ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthCookie);
        await page.GotoAsync("/");
        Assert.Equal("/Account/Login", page.PathOf());
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
    });

    public static TheoryData<string, string, string, bool, bool> DemoRoles => new()
    {
        // user, home page, its heading, sees "Queue", sees "Users"
        { DemoUsers.Reporter.Email, "/incidents/new", "Report an incident", false, false },
        { DemoUsers.Agent.Email, "/queue", "Queue", true, false },
        { DemoUsers.Manager.Email, "/queue", "Queue", true, false },
        // The demo admin is also an agent and incident manager, and work comes first: the queue.
        { DemoUsers.Admin.Email, "/queue", "Queue", true, true },
    };

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public Task Each_demo_role_signs_in_to_its_home_page(string email, string home, string heading, bool seesQueue, bool seesUsers) =>
        Run(async () =>
        {
            var user = DemoUsers.ByEmail(email);
            var page = await NewPageAsync();

            await page.SignInAsync(user);
            await RememberSignInAsync(user, page);

            Assert.Equal(home, page.PathOf());
            await Expect(page.Heading(heading)).ToBeVisibleAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.AccountLink(user.DisplayName)).ToBeVisibleAsync();
            await Expect(page.NavLink("My incidents")).ToBeVisibleAsync();
            await Expect(page.NavLink("Queue")).ToHaveCountAsync(seesQueue ? 1 : 0);
            await Expect(page.NavLink("Users")).ToHaveCountAsync(seesUsers ? 1 : 0);
        }, variant: email.Split('@')[0]);

    [Fact]
    public Task A_wrong_password_is_refused_and_the_user_stays_on_the_sign_in_page() => Run(async () =>
    {
        var page = await NewPageAsync();

        await page.SubmitSignInAsync(DemoUsers.Dana.Email, "Not-her-Pass1");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = WrongCredentials })).ToBeVisibleAsync();
        Assert.Equal("/Account/Login", page.PathOf());
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthCookie);

        // An unknown address gets the very same answer: the form does not tell which accounts exist.
        await page.SubmitSignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..8] + "@example.test", "Whatever-Pass1");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = WrongCredentials })).ToBeVisibleAsync();
        Assert.Equal("/Account/Login", page.PathOf());
    });

    [Fact]
    public Task Registration_with_mismatched_passwords_is_refused_and_creates_no_account() => Run(async () =>
    {
        var user = DemoUsers.NewUnique();
        var page = await NewPageAsync();

        await page.SubmitRegistrationAsync(user, confirmPassword: user.Password + "x");

        await Expect(page.GetByText("The two passwords do not match.", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("/Account/Register", page.PathOf());
        await Expect(page.Heading("Create an account")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AuthCookie);

        // Nothing was created: those details do not sign in...
        var signIn = await NewPageAsync();
        await signIn.SubmitSignInAsync(user.Email, user.Password);
        await Expect(signIn.GetByRole(AriaRole.Alert).Filter(new() { HasText = WrongCredentials })).ToBeVisibleAsync();

        // ...and the address is still free (emails are unique, so this would fail had an account been made).
        await page.SubmitRegistrationAsync(user);
        await page.WaitForURLAsync("**/incidents/new");
        await Expect(page.Heading("Report an incident")).ToBeVisibleAsync();
    });
}
