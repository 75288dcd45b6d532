using System.Net;
using AngleSharp.Html.Parser;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;

namespace IncidentPortal.Tests.Features.Incidents;

/// <summary>The incident pages over real HTTP for every role, and hostile input rendered as text.</summary>
public sealed class IncidentPageAccessTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    public static TheoryData<string, string?, HttpStatusCode, string?> Matrix => new()
    {
        // path, who (null = anonymous), expected status, expected heading
        { "/queue", null, HttpStatusCode.Redirect, null },
        { "/queue", DemoAccounts.Reporter, HttpStatusCode.Forbidden, null },
        { "/queue", DemoAccounts.Agent, HttpStatusCode.OK, "Queue" },
        { "/queue", DemoAccounts.Manager, HttpStatusCode.OK, "Queue" },
        { "/queue", DemoAccounts.Admin, HttpStatusCode.OK, "Queue" },
        { "/incidents/new", null, HttpStatusCode.Redirect, null },
        { "/incidents/new", DemoAccounts.Reporter, HttpStatusCode.OK, "Report an incident" },
        { "/incidents/new", DemoAccounts.Agent, HttpStatusCode.OK, "Report an incident" },
        { "/incidents/new", DemoAccounts.Admin, HttpStatusCode.OK, "Report an incident" },
        { "/incidents/mine", null, HttpStatusCode.Redirect, null },
        { "/incidents/mine", DemoAccounts.Reporter, HttpStatusCode.OK, "My incidents" },
        { "/incidents/mine", DemoAccounts.Manager, HttpStatusCode.OK, "My incidents" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_what_it_may(string path, string? who, HttpStatusCode expected, string? heading)
    {
        using var client = who is null ? portal.CreatePortalClient() : await portal.SignInDemoAsync(who);
        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode == expected, $"{who ?? "anonymous"} GET {path}: {(int)response.StatusCode}");
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        if (heading is not null)
            Assert.Equal(heading, Heading(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Script_in_a_title_or_comment_is_shown_as_text_never_run()
    {
        var reporter = await portal.ReporterAsync();
        var incidents = portal.Get<IncidentService>();
        var hostile = "<script>alert('pwned')</script> <img src=x onerror=alert(1)>";
        var incident = await incidents.ReportAsync(reporter,
            new IncidentDraft(hostile, hostile, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));
        await incidents.ChangeAsync(reporter, incident.Id, null, new AddComment($"javascript:alert(2) {hostile}", IsPublic: true));

        using var client = await portal.SignInDemoAsync(DemoAccounts.Reporter);
        var html = await client.Http.GetStringAsync($"/incidents/{incident.Id}");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Contains(hostile, document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.TextContent.Contains("pwned", StringComparison.Ordinal));
        Assert.Empty(document.QuerySelectorAll("img[onerror]"));
        Assert.Empty(document.QuerySelectorAll("a[href^='javascript:']"));
    }

    private static string? Heading(string html) => new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent.Trim();
}
