using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.MajorIncidents.Pages;
using IncidentPortal.Features.Notifications;
using IncidentPortal.Tests.Components.Admin;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Features.MajorIncidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Components.MajorIncidents;

/// <summary>The war room's swarm and stakeholder panels on the real services.</summary>
public sealed class ResponsePanelsTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.MajorIncidents();


    [Fact]
    public async Task A_paged_agent_who_opens_the_war_room_has_joined_and_can_acknowledge_nothing_more()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var majorId = (await host.DeclaredAsync("Panels: proxy refusing connections", Severity.Sev2)).MajorId;
        await Service.RequestRespondersAsync(manager, majorId, new SwarmAsk([agent.UserId], [], null, "Proxy logs please"));
        await using var ctx = PortalComponents.Create(host, agent);

        var cut = ctx.Render<SwarmPanel>(p => p.Add(x => x.MajorIncidentId, majorId).Add(x => x.Actor, agent));

        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == agent.Name);
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.DoesNotContain("—", cells); // asked, acknowledged (by joining) and joined
        });
        Assert.Contains("“Proxy logs please”", cut.Markup);
        Assert.Empty(cut.FindAll("[role=alert]")); // nothing left to acknowledge
        Assert.NotNull(cut.Button("Request responders"));
    }

    [Fact]
    public async Task Requesting_responders_without_a_message_is_refused_in_the_dialog_and_pages_nobody()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var majorId = (await host.DeclaredAsync("Panels: printers offline", Severity.Sev2)).MajorId;
        await using var ctx = PortalComponents.Create(host, manager);
        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        var cut = ctx.Render<SwarmPanel>(p => p.Add(x => x.MajorIncidentId, majorId).Add(x => x.Actor, manager));

        await cut.InvokeAsync(() => cut.Button("Request responders").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Button("Page them")));
        await dialogs.InvokeAsync(() => dialogs.Button("Page them").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("Say what you need them for", dialogs.Markup));
        Assert.Empty(await Service.SwarmRequestsAsync(manager, majorId));
    }

    [Fact]
    public async Task An_internal_update_reaches_the_stakeholders_and_an_empty_one_is_refused_at_the_field()
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var executive = await host.ActorAsync(DemoEmails.OtherReporter);
        var majorId = (await host.DeclaredAsync("Panels: HR portal down", Severity.Sev2)).MajorId;
        await Service.AddStakeholderAsync(manager, majorId, executive.UserId, null);
        await using var ctx = PortalComponents.Create(host, manager);
        var cut = ctx.Render<StakeholderPanel>(p => p.Add(x => x.MajorIncidentId, majorId).Add(x => x.Actor, manager));
        cut.WaitForAssertion(() => Assert.Contains(executive.Name, cut.Markup));

        await cut.InvokeAsync(() => cut.Button("Send update to stakeholders").Click());
        Assert.Contains("Write the update before sending it.", cut.Markup);

        cut.Field("Internal update to stakeholders").Input("Vendor engaged; workaround: use the paper form");
        await cut.InvokeAsync(() => cut.Button("Send update to stakeholders").Click());

        await using var db = await host.DbAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == executive.UserId && n.Kind == NotificationKind.MajorIncident
            && n.Body!.StartsWith("Vendor engaged")));
        cut.WaitForAssertion(() => Assert.Equal("", cut.Field("Internal update to stakeholders").GetAttribute("value") ?? ""));
    }
}
