using Bunit;
using IncidentPortal.Features.Incidents.Pages;
using IncidentPortal.Features.Watchers;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Watchers;

/// <summary>My incidents → Watching: the incidents an agent follows, live as they follow more, and nothing for others' follows.</summary>
public sealed class MyIncidentsWatchingTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private WatcherService Watchers => host.Services.GetRequiredService<WatcherService>();

    [Fact]
    public async Task An_agent_sees_what_they_follow_under_Watching_and_a_new_follow_arrives_live()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var first = await host.ReportAsync(reporter, $"Watched VPN drop {Guid.NewGuid():N}");
        var second = await host.ReportAsync(reporter, $"Watched badge reader {Guid.NewGuid():N}");
        var notMine = await host.ReportAsync(reporter, $"Someone else's follow {Guid.NewGuid():N}");
        await Watchers.FollowAsync(agent, first.Id);
        await Watchers.FollowAsync(await host.ActorAsync(DemoEmails.Manager), notMine.Id);
        await using var ctx = PortalComponents.Create(host, agent);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MyIncidents>();

        page.WaitForAssertion(() => Assert.Contains("Watching (1)", Tab(page, "Watching").TextContent));
        Tab(page, "Watching").Click();
        page.WaitForAssertion(() => Assert.Contains(first.Title, page.Find("table[aria-label='Incidents I watch'], [aria-label='Incidents I watch']").TextContent));
        Assert.DoesNotContain(notMine.Title, page.Markup);

        await Watchers.FollowAsync(agent, second.Id);
        page.WaitForAssertion(() => Assert.Contains("Watching (2)", Tab(page, "Watching").TextContent), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains(second.Title, page.Markup));

        await Watchers.UnfollowAsync(agent, first.Id);
        page.WaitForAssertion(() => Assert.Contains("Watching (1)", Tab(page, "Watching").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(first.Title, page.Markup);
    }

    [Fact]
    public async Task A_reporter_who_watches_nothing_sees_only_their_own_incidents_without_tabs()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var own = await host.ReportAsync(reporter, $"My own printer {Guid.NewGuid():N}");
        await using var ctx = PortalComponents.Create(host, reporter);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MyIncidents>();

        page.WaitForAssertion(() => Assert.Contains(own.Title, page.Markup));
        Assert.Empty(page.FindAll("[role=tab]"));
    }

    private static AngleSharp.Dom.IElement Tab(IRenderedComponent<MyIncidents> page, string name) =>
        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains(name, StringComparison.Ordinal));
}
