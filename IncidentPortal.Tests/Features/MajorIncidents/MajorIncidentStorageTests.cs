using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>The response, its roles, log and children survive a round trip through the real SQLite schema.</summary>
public class MajorIncidentStorageTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task A_declared_major_incident_with_roles_log_pins_and_children_is_stored_and_read_back()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var parent = await host.ReportAsync(reporter, "VPN down for everyone");
        var child = await host.ReportAsync(reporter, "Cannot reach VPN");
        var now = host.Clock.GetUtcNow().UtcDateTime;
        ResponseActor As(IncidentPortal.Features.Accounts.Actor actor) => new(actor.UserId, actor.Name, now);

        var major = MajorIncident.Declare(parent.Id, As(manager), Severity.Sev1, As(manager), "Everyone is affected");
        major.Assign(As(manager), ResponseRole.Responder, As(agent));
        var fact = major.Post(As(agent), LogEntryKind.Fact, "Gateway certificate expired at 08:30");
        major.Pin(As(manager), fact, pinned: true);
        major.Link(As(manager), child.Id, child.Reference);
        major.FollowParentResolution(As(manager), child.Id, child.Reference, follows: false);
        await using (var db = await host.DbAsync())
        {
            db.MajorIncidents.Add(major);
            await db.SaveChangesAsync();
        }

        await using var read = await host.DbAsync();
        var stored = await read.MajorIncidents.Include(m => m.Roles).Include(m => m.Log).Include(m => m.Children)
            .SingleAsync(m => m.IncidentId == parent.Id);
        Assert.Equal(MajorIncidentState.Declared, stored.State);
        Assert.Equal(Severity.Sev1, stored.Severity);
        Assert.Equal(manager.UserId, stored.Commander?.UserId);
        Assert.True(stored.Holds(agent.UserId, ResponseRole.Responder));
        Assert.Equal(major.Log.Count, stored.Log.Count);
        Assert.True(stored.Log.Single(e => e.Kind == LogEntryKind.Fact).Pinned);
        var link = Assert.Single(stored.Children);
        Assert.Equal(child.Id, link.IncidentId);
        Assert.False(link.FollowsResolution);
        Assert.Empty(stored.ChildrenToResolve);
        Assert.Equal(major.Version, stored.Version);
    }

    [Fact]
    public async Task An_incident_is_the_child_of_at_most_one_major_incident()
    {
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var by = new ResponseActor(manager.UserId, manager.Name, now);
        var first = await host.ReportAsync(reporter, "Mail down");
        var second = await host.ReportAsync(reporter, "Calendar down");
        var child = await host.ReportAsync(reporter, "No mail on phone");
        var a = MajorIncident.Declare(first.Id, by, Severity.Sev2, by, null);
        var b = MajorIncident.Declare(second.Id, by, Severity.Sev2, by, null);
        a.Link(by, child.Id, child.Reference);
        b.Link(by, child.Id, child.Reference);
        await using var db = await host.DbAsync();
        db.MajorIncidents.AddRange(a, b);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
