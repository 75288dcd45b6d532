using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Reviews;
using IncidentPortal.Features.Reviews.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.Reviews;

/// <summary>A review section on the real review service: edit with a sanitised live preview, autosave, and conflicts.</summary>
public sealed class ReviewSectionCardTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private ReviewService Reviews => host.Services.GetRequiredService<ReviewService>();
    private ReviewQueries Queries => host.Services.GetRequiredService<ReviewQueries>();

    private async Task<(Actor Manager, int IncidentId, int ReviewId, SectionView Summary)> ReviewAsync()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Review card {Guid.NewGuid():N}");
        var reviewId = await Reviews.StartAsync(manager, incident.Id);
        var summary = (await Queries.ForIncidentAsync(manager, incident.Id))!.SectionByKey(ReviewTemplateDefaults.Summary)!;
        return (manager, incident.Id, reviewId, summary);
    }

    [Fact]
    public async Task Editing_previews_sanitised_Markdown_saves_by_itself_and_done_tells_the_page()
    {
        var (manager, incidentId, reviewId, summary) = await ReviewAsync();
        await using var ctx = PortalComponents.Create(host, manager);
        var editing = new List<(int SectionId, bool Editing)>();
        var card = ctx.Render<ReviewSectionCard>(p => p.Add(c => c.Section, summary).Add(c => c.Actor, manager).Add(c => c.IncidentId, incidentId)
            .Add(c => c.ReviewId, reviewId).Add(c => c.EditingChanged, change => editing.Add(change)));

        card.Find("button[aria-label='Edit Summary']").Click();
        Assert.Equal([(summary.Id, true)], editing);

        card.Find("textarea").Input("The **uplink** flapped. <script>window.hacked = 1</script> [click me](javascript:alert(1))");
        var preview = card.Find("[aria-label='Preview of Summary']");
        Assert.Equal("uplink", preview.QuerySelector("strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Null(preview.QuerySelector("a"));
        Assert.Contains("<script>window.hacked = 1</script>", preview.TextContent);
        Assert.Contains("click me", preview.TextContent);

        // Autosave, a second after the last keystroke.
        card.WaitForAssertion(() => Assert.Matches(@"^Saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$", card.Find("[role=status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var saved = (await Queries.ForIncidentAsync(manager, incidentId))!.SectionByKey(ReviewTemplateDefaults.Summary)!;
        Assert.StartsWith("The **uplink** flapped.", saved.Body);

        card.Find("button[aria-label='Done editing Summary']").Click();
        card.WaitForAssertion(() => Assert.Equal([(summary.Id, true), (summary.Id, false)], editing));
        Assert.Empty(card.FindAll("textarea"));
    }

    [Fact]
    public async Task When_someone_else_saves_meanwhile_the_banner_offers_their_text_and_keeps_mine()
    {
        var (manager, incidentId, reviewId, summary) = await ReviewAsync();
        var agent = await host.ActorAsync(DemoEmails.Agent);
        await using var ctx = PortalComponents.Create(host, manager);
        var card = ctx.Render<ReviewSectionCard>(p => p.Add(c => c.Section, summary).Add(c => c.Actor, manager).Add(c => c.IncidentId, incidentId)
            .Add(c => c.ReviewId, reviewId));
        card.Find("button[aria-label='Edit Summary']").Click();
        card.Find("textarea").Input("My summary of the outage.");

        // A colleague's save lands first; the page hands the card the new version (as the live reload does).
        await Reviews.SaveSectionAsync(agent, summary.Id, summary.Version, "Their summary: the core switch.");
        var theirs = (await Queries.ForIncidentAsync(manager, incidentId))!.SectionByKey(ReviewTemplateDefaults.Summary)!;
        card.Render(p => p.Add(c => c.Section, theirs));

        card.WaitForAssertion(() => Assert.Contains("saved this section while you were editing", card.Find("[role=alert]").TextContent));
        Assert.Equal("Their summary: the core switch.", card.Find("pre[aria-label='Their text']").TextContent);
        Assert.Equal("My summary of the outage.", card.Find("textarea").GetAttribute("value") ?? card.Find("textarea").TextContent);
        var buttons = card.Find("[role=alert]").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Save my version", "Use their text"], buttons);

        card.FindAll("[role=alert] button").Single(b => b.TextContent.Contains("Use their text")).Click();
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("pre[aria-label='Their text']")));
        Assert.Equal("Their summary: the core switch.", card.Find("textarea").GetAttribute("value") ?? card.Find("textarea").TextContent);
    }
}
