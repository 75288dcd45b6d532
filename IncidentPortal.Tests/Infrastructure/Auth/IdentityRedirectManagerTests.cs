using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Infrastructure.Auth;

/// <summary>After signing in, the ReturnUrl is followed only within the portal (no open redirect, no error).</summary>
[Collection(PortalCollection.Name)]
public class IdentityRedirectManagerTests(SharedPortal portal)
{
    [Fact]
    public async Task A_local_return_address_is_followed_after_sign_in()
    {
        using var response = await SignInWithReturnUrlAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage", response.LocationPathAndQuery());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_foreign_return_address_signs_in_and_stays_on_the_portal(string returnUrl)
    {
        using var response = await SignInWithReturnUrlAsync(returnUrl);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect within the portal, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        Assert.DoesNotContain("evil.example", target.PathAndQuery);
        Assert.Contains(PortalClient.AuthCookie, response.SetCookieNames());
    }

    private async Task<HttpResponseMessage> SignInWithReturnUrlAsync(string returnUrl)
    {
        var email = TestUsers.UniqueEmail("returning");
        await portal.CreateUserAsync(email, Roles.Reporter);
        var client = portal.CreatePortalClient();
        var path = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await client.GetAntiforgeryTokenAsync(path);
        return await client.PostFormAsync(path, token, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalFactory.Password,
            ["_handler"] = "login",
        });
    }
}
