using Bunit;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.MajorIncidents.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Severity = IncidentPortal.Features.MajorIncidents.Severity;

namespace IncidentPortal.Tests.Components.MajorIncidents;

/// <summary>The workspace's major-incident strip on the real service: propose, decide, and the live banner.</summary>
public sealed class MajorIncidentPanelTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    private async Task<MajorIncident?> StoredAsync(int incidentId)
    {
        await using var db = await host.DbAsync();
        return await db.MajorIncidents.Include(m => m.Roles).SingleOrDefaultAsync(m => m.IncidentId == incidentId);
    }

    [Fact]
    public async Task An_agent_proposes_with_a_reason_and_sees_the_banner_when_a_manager_accepts()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), $"Panel propose {Guid.NewGuid():N}");
        await using var ctx = PortalComponents.Create(host, agent);
        var dialogs = ctx.Render<MudDialogProvider>();
        var panel = ctx.Render<MajorIncidentPanel>(p => p.Add(c => c.IncidentId, incident.Id).Add(c => c.Actor, agent));

        panel.WaitForAssertion(() => Assert.Contains("Propose as major incident", panel.Markup));
        Assert.DoesNotContain("Declare major incident", panel.Markup);
        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Propose as major incident").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Propose as a major incident", dialogs.Find("[role=dialog]").TextContent));

        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("Say why this should be a major incident.", dialogs.Markup));
        Assert.Null(await StoredAsync(incident.Id));

        dialogs.FieldLabelled("Why is this a major incident?").Input("The whole sales floor is down");
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        panel.WaitForAssertion(() => Assert.Contains($"by {agent.Name}", panel.Find("[aria-label='Major incident proposal']").TextContent));
        Assert.Contains("The whole sales floor is down", panel.Markup);
        Assert.DoesNotContain(">Accept<", panel.Markup);

        // A manager accepts elsewhere: the banner appears here without a reload.
        var major = await StoredAsync(incident.Id);
        await Service.AcceptAsync(manager, major!.Id, Severity.Sev2, manager.UserId);
        panel.WaitForAssertion(() => Assert.Contains($"Major incident · SEV2 · commander {manager.Name} · Declared",
            panel.Find("[aria-label='Major incident']").TextContent));
        Assert.Equal($"major-incidents/{major.Id}", panel.FindAll("a").Single(a => a.TextContent.Contains("Open war room")).GetAttribute("href"));
    }

    [Fact]
    public async Task A_manager_accepts_with_a_severity_and_a_commander_or_rejects_with_a_reason()
    {
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var accepted = await host.ReportAsync(reporter, $"Panel accept {Guid.NewGuid():N}");
        var rejected = await host.ReportAsync(reporter, $"Panel reject {Guid.NewGuid():N}");
        await Service.ProposeAsync(agent, accepted.Id, "CRM is down for everyone");
        await Service.ProposeAsync(agent, rejected.Id, "One user cannot print");
        await using var ctx = PortalComponents.Create(host, manager);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();

        var panel = ctx.Render<MajorIncidentPanel>(p => p.Add(c => c.IncidentId, accepted.Id).Add(c => c.Actor, manager));
        panel.WaitForAssertion(() => panel.FindAll("button").Single(b => b.TextContent.Trim() == "Accept").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Critical service down for many users", dialogs.Find("[role=dialog]").TextContent));
        // The manager is the commander until someone else is chosen; a severity must be chosen.
        Assert.Equal(manager.Name, dialogs.Chosen("Incident commander"));
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("Choose how severe it is.", dialogs.Markup));
        Assert.Equal(MajorIncidentState.Proposed, (await StoredAsync(accepted.Id))!.State);

        dialogs.FindAll("input[type=radio]")[0].Click();
        popovers.Choose(dialogs, "Incident commander", agent.Name);
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        var major = await StoredAsync(accepted.Id);
        Assert.Equal((MajorIncidentState.Declared, Severity.Sev1, agent.Name), (major!.State, major.Severity, major.Commander?.Name));
        panel.WaitForAssertion(() => Assert.Contains($"SEV1 · commander {agent.Name}", panel.Markup));

        var other = ctx.Render<MajorIncidentPanel>(p => p.Add(c => c.IncidentId, rejected.Id).Add(c => c.Actor, manager));
        other.WaitForAssertion(() => other.FindAll("button").Single(b => b.TextContent.Trim() == "Reject").Click());
        dialogs.WaitForAssertion(() => dialogs.FieldLabelled("Why is it not a major incident?").Input("A single printer"));
        dialogs.Find("form").Submit();
        other.WaitForAssertion(() => Assert.Contains("A single printer", other.Find("[aria-label='Major incident proposal']").TextContent));
        Assert.Contains($"rejected it", other.Markup);
        Assert.DoesNotContain("Propose as major incident", other.Markup);
    }

    [Fact]
    public async Task A_reporter_gets_nothing_at_all()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(reporter, $"Panel reporter {Guid.NewGuid():N}");
        await Service.DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, "Everyone");
        await using var ctx = PortalComponents.Create(host, reporter);
        var panel = ctx.Render<MajorIncidentPanel>(p => p.Add(c => c.IncidentId, incident.Id).Add(c => c.Actor, reporter));
        Assert.Equal("", panel.Markup.Trim());
    }
}
