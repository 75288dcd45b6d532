using System.Net;
using IncidentPortal.Features.ActionItems;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Reviews;

/// <summary>The review's pages and Markdown download over real HTTP: who gets what.</summary>
public sealed class ReviewExportTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    [Fact]
    public async Task The_Markdown_download_is_for_staff_and_for_the_reporter_only_once_the_review_is_shared()
    {
        var reporter = await portal.ReporterAsync();
        var manager = await portal.ManagerAsync();
        var agent = await portal.AgentAsync();
        var incident = await portal.Get<IncidentService>().ReportAsync(reporter, new IncidentDraft(AdminPortalFactory.Unique("Export check"),
            null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));
        var reviews = portal.Get<ReviewService>();
        var reviewId = await reviews.StartAsync(manager, incident.Id);
        var summary = (await portal.Get<ReviewQueries>().ForIncidentAsync(manager, incident.Id))!.SectionByKey(ReviewTemplateDefaults.Summary)!;
        await reviews.SaveSectionAsync(manager, summary.Id, summary.Version, "The **cause**: <script>alert(1)</script>");
        await using (var db = await portal.DbAsync())
        {
            var network = await db.Teams.Where(t => t.Name == "Network").Select(t => t.Id).SingleAsync();
            await portal.Get<ActionItemService>().CreateAsync(manager, incident.Id, reviewId, new ActionItemInput("Alert on uplink flaps",
                network, agent.UserId, DateTime.UtcNow.Date.AddDays(10), ActionItemPriority.High, ActionItemType.Detect));
        }
        var path = ReviewLinks.Markdown(incident.Id);

        using (var anonymous = portal.CreatePortalClient())
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
        using var reporterClient = await portal.SignInDemoAsync(DemoAccounts.Reporter);
        Assert.Equal(HttpStatusCode.NotFound, (await reporterClient.GetAsync(path)).StatusCode);

        using var agentClient = await portal.SignInDemoAsync(DemoAccounts.Agent);
        var staffCopy = await agentClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, staffCopy.StatusCode);
        Assert.Equal("text/markdown", staffCopy.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{incident.Reference}-review.md", staffCopy.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var markdown = await staffCopy.Content.ReadAsStringAsync();
        Assert.StartsWith($"# Post-incident review: {incident.Reference} ", markdown);
        Assert.Contains("## Summary\n\nThe **cause**: <script>alert(1)</script>\n", markdown);
        Assert.Contains("- [ ] Alert on uplink flaps — Detect, High priority, owner Alex Agent (Network), due ", markdown);

        await reviews.SubmitForReviewAsync(manager, reviewId, 1, [agent.UserId]);
        await reviews.PublishAsync(manager, reviewId, 2, shareWithReporter: true);
        var shared = await reporterClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var reporterCopy = await shared.Content.ReadAsStringAsync();
        Assert.Contains("The **cause**", reporterCopy);
        Assert.DoesNotContain("uplink flaps", reporterCopy);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(DemoAccounts.Reporter, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Agent, HttpStatusCode.OK)]
    public async Task The_review_pages_need_a_sign_in_and_tell_a_reporter_nothing_about_an_unshared_review(string? who, HttpStatusCode expected)
    {
        await using var db = await portal.DbAsync();
        var demo = await db.Incidents.Where(i => i.Title == "VPN client certificate expired").Select(i => i.Id).SingleAsync();
        using var client = who is null ? portal.CreatePortalClient() : await portal.SignInDemoAsync(who);
        foreach (var path in new[] { ReviewLinks.Review(demo), ReviewLinks.Print(demo) })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(expected, response.StatusCode);
            if (who == DemoAccounts.Reporter)
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("Review not found", html);
                Assert.DoesNotContain("renewal reminder", html);
            }
            if (who == DemoAccounts.Agent) Assert.Contains("renewal reminder", await response.Content.ReadAsStringAsync());
        }
    }
}
