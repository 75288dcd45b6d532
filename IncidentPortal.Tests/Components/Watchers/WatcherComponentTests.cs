using Bunit;
using IncidentPortal.Features.Watchers;
using IncidentPortal.Features.Watchers.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Watchers;

/// <summary>The agent's Follow button and the reporter's colleagues panel, against the real services.</summary>
public sealed class WatcherComponentTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task An_agent_follows_and_unfollows_from_the_workspace()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "Follow me");
        await using var ctx = PortalComponents.Create(host, agent);
        var bar = ctx.Render<WatchBar>(p => p.Add(b => b.IncidentId, incident.Id).Add(b => b.Actor, agent));
        bar.WaitForAssertion(() => Assert.Contains("Nobody is watching yet.", bar.Markup));

        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Follow").Click();
        bar.WaitForAssertion(() => Assert.Contains("Watching: you", bar.Markup));
        Assert.Equal("true", bar.Find("button[aria-pressed]").GetAttribute("aria-pressed"));
        Assert.True(await host.Services.GetRequiredService<WatcherService>().IsWatchingAsync(agent, incident.Id));

        bar.FindAll("button").Single(b => b.TextContent.Trim() == "Following").Click();
        bar.WaitForAssertion(() => Assert.Contains("Nobody is watching yet.", bar.Markup));
    }

    [Fact]
    public async Task A_reporter_adds_a_colleague_by_email_and_is_told_plainly_when_that_is_not_possible()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var incident = await host.ReportAsync(reporter, "Tell Jo");
        await using var ctx = PortalComponents.Create(host, reporter);
        var panel = ctx.Render<ColleagueWatchers>(p => p.Add(c => c.IncidentId, incident.Id).Add(c => c.Actor, reporter));

        var field = () => panel.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Colleague's e-mail");
        field().Find("input").Input(DemoEmails.Agent);
        panel.Find("form").Submit();
        panel.WaitForAssertion(() => Assert.Contains($"No colleague with the e-mail address {DemoEmails.Agent}", panel.Markup));

        field().Find("input").Input(DemoEmails.OtherReporter);
        panel.Find("form").Submit();
        panel.WaitForAssertion(() => Assert.Contains("Jo Employee now follows this incident.", panel.Markup));
        Assert.NotNull(panel.Find("[aria-label='Remove Jo Employee']"));

        panel.Find("[aria-label='Remove Jo Employee']").Click();
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[aria-label='Remove Jo Employee']")));
    }
}
