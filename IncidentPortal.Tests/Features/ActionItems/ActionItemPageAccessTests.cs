using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.ActionItems;

/// <summary>Action items and problems are for staff; the all-items view for incident managers and admins.</summary>
[Collection(PortalCollection.Name)]
public sealed class ActionItemPageAccessTests(SharedPortal portal)
{
    [Theory]
    [InlineData("/action-items")]
    [InlineData("/action-items/all")]
    [InlineData("/problems")]
    [InlineData("/problems/1")]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_reporters_get_403(string path)
    {
        using (var anonymous = portal.CreatePortalClient())
        using (var response = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.LocationPathAndQuery());
        }
        var email = TestUsers.UniqueEmail("reporter");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = await portal.SignInAsync(email);
        using var refused = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Agents_get_their_items_and_problems_but_not_the_managers_view_which_managers_get()
    {
        var agentEmail = TestUsers.UniqueEmail("agent");
        await portal.CreateUserAsync(agentEmail, Roles.Reporter, Roles.Agent);
        using var agent = await portal.SignInAsync(agentEmail);
        using (var mine = await agent.GetAsync("/action-items"))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            var page = await Html.ParseAsync(mine);
            Assert.Equal("My action items", page.Heading());
            Assert.Contains("No open action items for you", page.Body!.TextContent);
        }
        using (var problems = await agent.GetAsync("/problems")) Assert.Equal(HttpStatusCode.OK, problems.StatusCode);
        using (var all = await agent.GetAsync("/action-items/all")) Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);

        var managerEmail = TestUsers.UniqueEmail("manager");
        await portal.CreateUserAsync(managerEmail, Roles.Reporter, Roles.IncidentManager);
        using var manager = await portal.SignInAsync(managerEmail);
        using var allItems = await manager.GetAsync("/action-items/all");
        Assert.Equal(HttpStatusCode.OK, allItems.StatusCode);
        Assert.Equal("All action items", (await Html.ParseAsync(allItems)).Heading());
    }
}
