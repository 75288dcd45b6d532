using Bunit;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.MajorIncidents.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Severity = IncidentPortal.Features.MajorIncidents.Severity;

namespace IncidentPortal.Tests.Components.MajorIncidents;

/// <summary>The war room's components on the real services of a test host (its database, event bus and fake clock).</summary>
public sealed class WarRoomComponentTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Majors => host.Services.GetRequiredService<MajorIncidentService>();
    private WarRoomQueries Queries => host.Services.GetRequiredService<WarRoomQueries>();

    private async Task<(int Id, Actor Manager)> DeclareAsync(string title, Severity severity = Severity.Sev2)
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)]);
        return (await Majors.DeclareAsync(manager, incident.Id, severity, manager.UserId, "Everyone is blocked"), manager);
    }

    private async Task<MajorIncident> StoredAsync(int id)
    {
        await using var db = await host.DbAsync();
        return await db.MajorIncidents.AsNoTracking().Include(m => m.Log).Include(m => m.Roles).SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task The_war_room_renders_posts_a_fact_and_pins_it_as_a_key_fact_live()
    {
        var (id, _) = await DeclareAsync("War room page");
        var agent = await host.ActorAsync(DemoEmails.Agent);
        await using var ctx = PortalComponents.Create(host, agent);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<WarRoomPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Contains("War room page", page.Find("h1").TextContent));
        Assert.Contains("SEV2", page.Find("[aria-label='Severity']").TextContent);
        Assert.Contains("Declared", page.Find("[aria-label='Major incident state']").TextContent);
        Assert.Contains("Alex Agent (you)", page.Find("ul[aria-label='Here now']").TextContent);
        Assert.Contains("Nothing pinned yet", page.Markup);

        // Empty: a field message, nothing posted.
        page.Find("form[aria-label='Post to the log']").Submit();
        page.WaitForAssertion(() => Assert.Contains("Write something first.", page.Markup));

        page.FindAll("form[aria-label='Post to the log'] .mud-toggle-item").First(b => b.TextContent.Trim() == "Fact").Click();
        page.FieldLabelled("Log entry").Input("Core switch 2 lost power at 09:12");
        page.Find("form[aria-label='Post to the log']").Submit();
        page.WaitForAssertion(() => Assert.Contains("Core switch 2 lost power at 09:12", page.Find("ol[aria-label='Log entries']").TextContent));
        var posted = (await StoredAsync(id)).Log.Single(e => e.Text == "Core switch 2 lost power at 09:12");
        Assert.Equal((LogEntryKind.Fact, agent.Name), (posted.Kind, posted.ActorName));

        page.Find("ol[aria-label='Log entries'] li[aria-label='Core switch 2 lost power at 09:12'] button[aria-label='Pin']").Click();
        page.WaitForAssertion(() => Assert.Contains("Core switch 2 lost power at 09:12", page.Find("ol[aria-label='Key facts and decisions']").TextContent));
        Assert.True((await StoredAsync(id)).Log.Single(e => e.Id == posted.Id).Pinned);

        // Someone else's entry arrives through the event bus, without a reload.
        await Majors.PostAsync(await host.ActorAsync(DemoEmails.Manager), id, LogEntryKind.Decision, "Move traffic to the second data centre");
        page.WaitForAssertion(() => Assert.Contains("Move traffic to the second data centre", page.Find("ol[aria-label='Log entries']").TextContent));
    }

    [Fact]
    public async Task The_countdown_ticks_with_the_clock_and_turns_overdue()
    {
        var (id, manager) = await DeclareAsync("Countdown");
        await using var ctx = PortalComponents.Create(host, manager, hostClock: true);
        var view = await Queries.GetAsync(manager, id);
        var incident = await host.Queries.GetAsync(manager, view.IncidentId);
        var panel = ctx.Render<UpdateCadence>(p => p.Add(c => c.View, view).Add(c => c.Incident, incident).Add(c => c.Actor, manager));
        Assert.Equal("Next update due in 1:00:00", Spoken(panel));
        Assert.Contains("SEV2: an update at least every 1 h", panel.Markup);

        host.Clock.Advance(TimeSpan.FromMinutes(47) + TimeSpan.FromSeconds(20));
        panel.WaitForAssertion(() => Assert.Equal("Next update due in 12:40", Spoken(panel)));

        host.Clock.Advance(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(45));
        panel.WaitForAssertion(() => Assert.Equal("Update overdue overdue by 0:05", Spoken(panel)));
        Assert.Contains("is-overdue", panel.Find(".update-cadence").ClassName);
        Assert.Contains("Post update", panel.Markup);
    }

    [Fact]
    public async Task Only_managers_and_the_commander_are_offered_command_and_the_commander_is_never_released()
    {
        var (id, manager) = await DeclareAsync("Roles");
        var agent = await host.ActorAsync(DemoEmails.Agent);
        await Majors.AssignRoleAsync(manager, id, ResponseRole.Scribe, agent.UserId);
        var view = await Queries.GetAsync(agent, id);

        await using (var ctx = PortalComponents.Create(host, agent))
        {
            var popovers = ctx.Render<MudPopoverProvider>();
            var roles = ctx.Render<WarRoomRoles>(p => p.Add(c => c.View, view).Add(c => c.Actor, agent));
            Assert.Empty(roles.FindAll($"button[aria-label='Release {manager.Name} as incident commander']"));
            Assert.Single(roles.FindAll($"button[aria-label='Release {agent.Name} as scribe']"));
            Assert.Contains("Join as responder", roles.Markup);
            Assert.DoesNotContain("Incident commander (hand over)", Options(roles, popovers));
            Assert.Contains("Communications lead", Options(roles, popovers));
        }
        await using (var ctx = PortalComponents.Create(host, manager))
        {
            var popovers = ctx.Render<MudPopoverProvider>();
            var roles = ctx.Render<WarRoomRoles>(p => p.Add(c => c.View, view).Add(c => c.Actor, manager));
            Assert.Contains("Incident commander (hand over)", Options(roles, popovers));
        }
    }

    [Fact]
    public async Task A_role_is_assigned_through_the_form_and_a_refusal_is_shown()
    {
        var (id, manager) = await DeclareAsync("Assign");
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var view = await Queries.GetAsync(agent, id);
        await using var ctx = PortalComponents.Create(host, agent);
        var popovers = ctx.Render<MudPopoverProvider>();
        var roles = ctx.Render<WarRoomRoles>(p => p.Add(c => c.View, view).Add(c => c.Actor, agent));

        roles.Find("form[aria-label='Assign a role']").Submit();
        roles.WaitForAssertion(() => Assert.Contains("Choose a role and a person.", roles.Markup));

        roles.Choose(popovers, "Role", "Communications lead");
        roles.Choose(popovers, "Person", agent.Name);
        roles.Find("form[aria-label='Assign a role']").Submit();
        await WaitUntilAsync(async () => (await StoredAsync(id)).Holds(agent.UserId, ResponseRole.CommunicationsLead));
        Assert.Contains((await StoredAsync(id)).Log, e => e.Text == $"{agent.Name} is the communications lead");
    }

    [Fact]
    public async Task The_bridge_link_takes_only_web_addresses_and_opens_in_a_new_tab()
    {
        var (id, manager) = await DeclareAsync("Bridge");
        var view = await Queries.GetAsync(manager, id);
        await using var ctx = PortalComponents.Create(host, manager);
        var bridge = ctx.Render<BridgeLink>(p => p.Add(c => c.View, view).Add(c => c.Actor, manager));
        bridge.Find("button[aria-label='Edit the bridge link']").Click();
        bridge.FieldLabelled("Bridge link").Input("javascript:alert(1)");
        bridge.Find("form").Submit();
        bridge.WaitForAssertion(() => Assert.Contains("The bridge link must be a web address", bridge.Markup));
        Assert.Null((await StoredAsync(id)).BridgeUrl);

        bridge.FieldLabelled("Bridge link").Input("https://meet.example.com/p1");
        bridge.Find("form").Submit();
        await WaitUntilAsync(async () => (await StoredAsync(id)).BridgeUrl == "https://meet.example.com/p1");
        var saved = await Queries.GetAsync(manager, id);
        bridge.Render(p => p.Add(c => c.View, saved));
        var link = bridge.Find("a.bridge-link");
        Assert.Equal(("https://meet.example.com/p1", "_blank"), (link.GetAttribute("href"), link.GetAttribute("target")));
        Assert.Contains("noopener", link.GetAttribute("rel"));
    }

    private static string Spoken(IRenderedComponent<UpdateCadence> panel) => panel.Find("[role=timer]").SpokenText();

    private static List<string> Options(IRenderedComponent<WarRoomRoles> roles, IRenderedComponent<MudPopoverProvider> popovers)
    {
        roles.FieldLabelled("Role").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[role=option]")));
        var options = popovers.FindAll("[role=option]").Select(o => o.TextContent.Trim()).ToList();
        roles.FieldLabelled("Role").Closest(".mud-input-control")!.MouseDown();
        return options;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition());
    }
}
