using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Reports.Pages;

/// <summary>Reports are for agents, incident managers and admins: a reporter gets 403 and no menu entry; anonymous visitors sign in first.</summary>
[Collection(PortalCollection.Name)]
public class ReportsPageAuthorizationTests(SharedPortal portal)
{
    [Fact]
    public async Task A_reporter_gets_403_and_is_not_offered_reports()
    {
        var email = TestUsers.UniqueEmail("reporter");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = await portal.SignInAsync(email);

        using var reports = await client.GetAsync("/reports?range=last7");
        using var home = await client.GetAsync("/incidents/mine");

        Assert.Equal(HttpStatusCode.Forbidden, reports.StatusCode);
        Assert.DoesNotContain("href=\"reports\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/reports");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.LocationPathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.IncidentManager)]
    [InlineData(Roles.Admin)]
    public async Task Staff_open_reports_from_the_menu(string role)
    {
        var email = TestUsers.UniqueEmail(role.ToLowerInvariant());
        await portal.CreateUserAsync(email, Roles.Reporter, role);
        using var client = await portal.SignInAsync(email);

        using var response = await client.GetAsync("/reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"reports\"", html, StringComparison.Ordinal);
        // The prerendered page already has the filter bar and a skeleton per section; People only for managers and admins.
        Assert.Contains("Report range and filters", html, StringComparison.Ordinal);
        Assert.Equal(role != Roles.Agent, html.Contains("id=\"people\"", StringComparison.Ordinal));
    }
}
