using System.Net;
using AngleSharp.Dom;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;

namespace IncidentPortal.Tests.Features.Tasks;

/// <summary>My tasks is for staff: anonymous visitors sign in first, reporters are refused, agents get the page.</summary>
[Collection(PortalCollection.Name)]
public sealed class MyTasksPageAccessTests(SharedPortal portal)
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = portal.CreatePortalClient();
        using var response = await client.GetAsync("/queue/my-tasks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.LocationPathAndQuery());
    }

    [Fact]
    public async Task Reporters_get_403()
    {
        var email = TestUsers.UniqueEmail("reporter");
        await portal.CreateUserAsync(email, Roles.Reporter);
        using var client = await portal.SignInAsync(email);
        using var response = await client.GetAsync("/queue/my-tasks");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Agents_get_the_queue_with_My_tasks_as_the_current_view()
    {
        var email = TestUsers.UniqueEmail("agent");
        await portal.CreateUserAsync(email, Roles.Reporter, Roles.Agent);
        using var client = await portal.SignInAsync(email);
        using var response = await client.GetAsync("/queue/my-tasks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Queue", page.Heading());
        var current = Assert.Single(page.QuerySelectorAll("nav[aria-label='Queue views'] [role=tab][aria-selected=true]"));
        // What a screen reader reads: the tab's text outside its aria-hidden (visual) parts.
        var spoken = current.Descendants<IText>().Where(t => t.ParentElement?.Closest("[aria-hidden=true]") is null).Select(t => t.Text);
        Assert.Equal("My tasks, 0 open", System.Text.RegularExpressions.Regex.Replace(string.Concat(spoken), @"\s+", " ").Trim());
        Assert.Contains("No open tasks for you or your teams", page.Body!.TextContent);
    }
}
