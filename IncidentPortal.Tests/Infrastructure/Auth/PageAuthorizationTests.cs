using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentPortal.Tests.Infrastructure.Auth;

/// <summary>Who may open which page: anonymous visitors are sent to sign in, the wrong role gets 403.</summary>
[Collection(PortalCollection.Name)]
public class PageAuthorizationTests(SharedPortal portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    public async Task Anonymous_visitor_is_redirected_to_sign_in_with_a_return_address(string path)
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.LocationPathAndQuery());
        Assert.Equal("/Account/Login", location.AbsolutePath);
        Assert.Equal(path, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    [Fact]
    public async Task Reporter_gets_403_and_the_access_denied_page_on_the_admin_users_page()
    {
        var email = TestUsers.UniqueEmail("reporter");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = await portal.SignInAsync(email);

        using var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("You don't have access", page.Heading());
    }

    [Fact]
    public async Task Admin_opens_the_admin_users_page()
    {
        var email = TestUsers.UniqueEmail("admin");
        await portal.CreateUserAsync(email, Roles.Reporter, Roles.Admin);
        using var client = await portal.SignInAsync(email);

        using var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
