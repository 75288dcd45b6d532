using System.Net;
using System.Text.RegularExpressions;
using IncidentPortal.Tests.Features.Notifications.Support;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Notifications;

/// <summary>Identity's account mails go through the outbox to the SMTP server, and their links work.</summary>
public sealed partial class AccountMailTests(MailPortal portal) : IClassFixture<MailPortal>
{
    [Fact]
    public async Task Password_reset_mail_arrives_and_its_link_sets_a_new_password()
    {
        var email = TestUsers.UniqueEmail("forgetful");
        await portal.CreateUserAsync(email);
        using var client = portal.CreatePortalClient();

        using var asked = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var mail = await portal.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Reset your password", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody!).Value);
        Assert.Equal("/Account/ResetPassword", link.AbsolutePath);
        Assert.Contains($"href=\"{link.AbsoluteUri.Replace("&", "&amp;")}\"", mail.HtmlBody);

        var document = await client.GetDocumentAsync(link.PathAndQuery);
        var code = document.QuerySelector("input[name='Input.Code']")!.GetAttribute("value")!;
        using var reset = await client.SubmitFormAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = "Brand!New2Pass",
            ["Input.ConfirmPassword"] = "Brand!New2Pass",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.LocationPathAndQuery());
        using var signedIn = await portal.SignInAsync(email, "Brand!New2Pass");
        Assert.True(signedIn.HasAuthCookie);
    }

    [Fact]
    public async Task Registering_mails_a_confirmation_link_that_confirms_the_address()
    {
        var email = TestUsers.UniqueEmail("newcomer");
        using var client = portal.CreatePortalClient();

        using var registered = await client.SubmitFormAsync("/Account/Register", "register",
            IncidentPortal.Tests.Features.Accounts.Pages.RegisterTests.Form(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.False(await portal.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.EmailConfirmed));

        var mail = await portal.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Confirm your email address", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.TextBody!).Value);
        var page = await client.GetDocumentAsync(link.PathAndQuery);

        Assert.Contains("Thank you for confirming your email.", page.Body!.TextContent);
        Assert.True(await portal.WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.EmailConfirmed));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
