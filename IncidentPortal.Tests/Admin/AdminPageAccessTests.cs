using System.Net;
using AngleSharp.Html.Parser;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Admin;

/// <summary>The admin pages over real HTTP: only admins get them; others get 403, anonymous users the sign-in page.</summary>
public sealed class AdminPageAccessTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    public static TheoryData<string, string> AdminPages => new()
    {
        { "/admin/teams", "Teams" },
        { "/admin/services", "Services" },
        { "/admin/categories", "Categories" },
        { "/admin/priorities", "Priority matrix" },
        { "/admin/users", "Users" },
        { "/admin/webhooks", "Webhooks" },
        { "/admin/escalation", "Escalation matrix" },
        { "/admin/escalation-policies", "Escalation policies" },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_users_are_sent_to_sign_in(string path, string _)
    {
        using var client = portal.CreatePortalClient();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/Account/Login", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Reporters_and_agents_are_forbidden(string path, string heading)
    {
        foreach (var email in new[] { DemoAccounts.Reporter, DemoAccounts.Agent, DemoAccounts.Manager })
        {
            using var client = await portal.SignInDemoAsync(email);
            var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{email} GET {path}: {(int)response.StatusCode}");
            Assert.NotEqual(heading, Heading(await response.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admins_get_the_page(string path, string heading)
    {
        using var client = await portal.SignInDemoAsync(DemoAccounts.Admin);
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, Heading(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_administration_menu_is_shown_to_admins_only()
    {
        using var adminClient = await portal.SignInDemoAsync(DemoAccounts.Admin);
        using var agentClient = await portal.SignInDemoAsync(DemoAccounts.Agent);
        var admin = await adminClient.Http.GetStringAsync("/incidents/new");
        var agent = await agentClient.Http.GetStringAsync("/incidents/new");

        foreach (var path in new[] { "admin/users", "admin/teams", "admin/services", "admin/categories", "admin/priorities", "admin/webhooks", "admin/escalation", "admin/escalation-policies" })
        {
            Assert.Contains($"href=\"{path}\"", admin);
            Assert.DoesNotContain($"href=\"{path}\"", agent);
        }
        Assert.Contains("Administration", admin);
        Assert.DoesNotContain("Administration", agent);
    }

    private static string? Heading(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();
}
