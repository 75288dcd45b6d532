using System.Net;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Accounts.Pages;

/// <summary>With Accounts:AllowSelfRegistration=false only admins create accounts.</summary>
public sealed class RegisterSwitchedOffTests(RegisterSwitchedOffTests.Portal portal) : IClassFixture<RegisterSwitchedOffTests.Portal>
{
    public sealed class Portal() : PortalFactory(new Dictionary<string, string?> { ["Accounts:AllowSelfRegistration"] = "false" });

    [Fact]
    public async Task The_page_says_registration_is_off_and_offers_no_form()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetDocumentAsync("/Account/Register");

        Assert.Contains("Self-registration is switched off", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(page.QuerySelector("form input[name='Input.Email']"));
    }

    [Fact]
    public async Task Posting_the_form_anyway_creates_no_user_and_signs_nobody_in()
    {
        var email = TestUsers.UniqueEmail("sneaky");
        using var client = portal.CreatePortalClient();
        // The register page has no form now, so take a valid antiforgery token from the sign-in page.
        var token = await client.GetAntiforgeryTokenAsync("/Account/Login");

        using var response = await client.PostFormAsync("/Account/Register", token,
            RegisterTests.Form(email).Append(new("_handler", "register")));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(PortalClient.AuthCookie, response.SetCookieNames());
        Assert.False(client.HasAuthCookie);
        Assert.Null(await portal.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }
}
