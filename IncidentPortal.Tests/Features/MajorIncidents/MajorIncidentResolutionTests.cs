using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

public class MajorIncidentResolutionTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private MajorIncidentService Service => host.Services.GetRequiredService<MajorIncidentService>();

    [Fact]
    public async Task Resolving_the_parent_resolves_its_open_children_except_those_kept_open()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var parent = await host.ReportAsync(reporter, "VPN gateway down");
        var follows = await host.ReportAsync(reporter, "VPN refuses my login");
        var keptOpen = await host.ReportAsync(reporter, "VPN slow and my laptop broke");
        // The parent is being worked on; the children were never taken (New), and are taken by their team to resolve.
        await host.Incidents.ChangeAsync(manager, parent.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), (await host.ActorAsync(DemoEmails.Agent)).UserId));
        var id = await Service.DeclareAsync(manager, parent.Id, Severity.Sev1, manager.UserId, null);
        await Service.LinkAsync(manager, id, [follows.Id, keptOpen.Id]);
        await Service.FollowParentResolutionAsync(manager, id, keptOpen.Id, follows: false);

        var children = await Service.ResolveAsync(manager, id, ResolutionCode.Fixed, "Gateway certificate renewed");

        var result = Assert.Single(children);
        Assert.Equal(follows.Id, result.IncidentId);
        Assert.True(result.Resolved);
        Assert.Equal(IncidentStatus.Resolved, (await host.StoredAsync(parent.Id)).Status);
        var child = await host.StoredAsync(follows.Id);
        Assert.Equal(IncidentStatus.Resolved, child.Status);
        Assert.Equal($"Resolved with the major incident {parent.Reference}: Gateway certificate renewed", child.ResolutionNotes);
        Assert.NotEqual(IncidentStatus.Resolved, (await host.StoredAsync(keptOpen.Id)).Status);
        await using var db = await host.DbAsync();
        Assert.Equal(MajorIncidentState.Resolved, (await db.MajorIncidents.SingleAsync(m => m.Id == id)).State);
    }

    [Fact]
    public async Task When_the_parent_cannot_be_resolved_nothing_is_written()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var parent = await host.ReportAsync(reporter, "Mail down");
        var child = await host.ReportAsync(reporter, "No mail");
        await host.Incidents.ChangeAsync(manager, parent.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), (await host.ActorAsync(DemoEmails.Agent)).UserId));
        var id = await Service.DeclareAsync(manager, parent.Id, Severity.Sev2, manager.UserId, null);
        await Service.LinkAsync(manager, id, [child.Id]);

        // Resolution notes are required by the incident's rules: the whole step is refused.
        await Assert.ThrowsAsync<IncidentRuleException>(() => Service.ResolveAsync(manager, id, ResolutionCode.Fixed, " "));

        Assert.NotEqual(IncidentStatus.Resolved, (await host.StoredAsync(parent.Id)).Status);
        Assert.NotEqual(IncidentStatus.Resolved, (await host.StoredAsync(child.Id)).Status);
        await using var db = await host.DbAsync();
        Assert.Equal(MajorIncidentState.Declared, (await db.MajorIncidents.SingleAsync(m => m.Id == id)).State);
    }

    [Fact]
    public async Task Linking_is_all_or_nothing_and_an_incident_has_one_parent()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var first = await host.ReportAsync(reporter, "Email down");
        var second = await host.ReportAsync(reporter, "Calendar down");
        var shared = await host.ReportAsync(reporter, "Outlook empty");
        var other = await host.ReportAsync(reporter, "Teams chat down");
        var a = await Service.DeclareAsync(manager, first.Id, Severity.Sev2, manager.UserId, null);
        var b = await Service.DeclareAsync(manager, second.Id, Severity.Sev2, manager.UserId, null);
        await Service.LinkAsync(manager, a, [shared.Id]);

        var refused = await Assert.ThrowsAsync<MajorIncidentRuleException>(() => Service.LinkAsync(manager, b, [other.Id, shared.Id]));
        Assert.Contains(shared.Reference, refused.Message);
        await using var db = await host.DbAsync();
        Assert.False(await db.Set<LinkedIncident>().AnyAsync(l => l.MajorIncidentId == b));
    }
}
