using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Infrastructure.Web;

[Collection(PortalCollection.Name)]
public class WebSetupTests(SharedPortal portal)
{
    [Fact]
    public async Task Health_endpoint_reports_Healthy_without_signing_in()
    {
        using var client = portal.CreatePortalClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_address_for_a_signed_in_user_is_a_404_with_the_styled_not_found_page()
    {
        var email = TestUsers.UniqueEmail("reporter");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = await portal.SignInAsync(email);

        var page = await client.GetDocumentAsync($"/no-such-page-{Guid.NewGuid():N}", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.Heading());
        Assert.NotNull(page.QuerySelector("section.status-page"));
        // Rendered in the app's layout, not a bare error: the header with the user's sign-out form is there.
        Assert.NotNull(page.QuerySelector("form[action='Account/Logout']"));
    }
}
