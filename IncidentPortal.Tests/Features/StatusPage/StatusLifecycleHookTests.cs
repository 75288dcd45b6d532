using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Features.StatusPage.StatusFixture;

namespace IncidentPortal.Tests.Features.StatusPage;

/// <summary>Resolving, closing, cancelling and reopening an incident carry its public incident along, in the same save.</summary>
public sealed class StatusLifecycleHookTests : IAsyncLifetime
{
    private StatusFixture f = null!;
    private StatusLifecycleHook hook = null!;

    public async Task InitializeAsync() =>
        f = await StatusFixture.CreateAsync(fixture => hook = new StatusLifecycleHook([fixture.Notices], fixture.Events, fixture.Clock));

    public async Task DisposeAsync()
    {
        hook.Dispose();
        await f.DisposeAsync();
    }

    [Fact]
    public async Task Resolving_the_incident_resolves_its_public_incident_and_reopening_brings_the_outage_back()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAssignedAsync();
        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email delays", IncidentPhase.Identified,
            "A relay is failing.", Impacts((email, ComponentStatus.MajorOutage))));
        var changedBefore = f.ChangedEvents;

        await f.Incidents.ChangeAsync(f.Manager, incident, null, new ResolveIncident(ResolutionCode.Fixed, "Relay replaced", null));

        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(email));
        var resolved = await PublicAsync(incident);
        Assert.Equal(IncidentPhase.Resolved, resolved.Phase);
        Assert.Equal(StatusLifecycleHook.ResolvedMessage, resolved.Updates.OrderBy(u => u.Id).Last().Message);
        Assert.Equal(changedBefore + 1, f.ChangedEvents);
        var resolvedNotice = f.Notices.Seen[^1];
        Assert.Equal(IncidentPhase.Resolved, resolvedNotice.Phase);
        Assert.Equal([email], resolvedNotice.ComponentIds);
        Assert.Contains(await TimelineAsync(incident), a => a.Field == StatusLifecycleHook.TimelineTopic && !a.IsPublic);

        await f.Incidents.ChangeAsync(f.Manager, incident, null, new ReopenIncident("Mail is stuck again"));

        Assert.Equal(ComponentStatus.MajorOutage, await f.StatusOfAsync(email));
        var reopened = await PublicAsync(incident);
        Assert.Equal(IncidentPhase.Investigating, reopened.Phase);
        Assert.Equal(3, reopened.Updates.Count);
    }

    [Fact]
    public async Task Cancelling_resolves_too_and_an_incident_without_a_public_incident_is_left_alone()
    {
        var email = await f.AddComponentAsync("Email");
        var published = await f.ReportAsync();
        var quiet = await f.ReportAsync("Only internal");
        await f.Status.PublishUpdateAsync(f.Manager, published, new PublishRequest("Email delays", IncidentPhase.Investigating,
            "Looking.", Impacts((email, ComponentStatus.PartialOutage))));

        await f.Incidents.ChangeAsync(f.Manager, quiet, null, new CancelIncident("Duplicate"));
        Assert.Equal(ComponentStatus.PartialOutage, await f.StatusOfAsync(email));
        await f.Incidents.ChangeAsync(f.Manager, published, null, new CancelIncident("Duplicate"));

        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(email));
        Assert.Equal(IncidentPhase.Resolved, (await PublicAsync(published)).Phase);
        await using var db = f.Db();
        Assert.False(await db.PublicIncidents.AnyAsync(p => p.IncidentId == quiet));
    }

    private async Task<PublicIncident> PublicAsync(int incidentId)
    {
        await using var db = f.Db();
        return await db.PublicIncidents.Include(p => p.Updates).SingleAsync(p => p.IncidentId == incidentId);
    }

    private async Task<List<IncidentActivity>> TimelineAsync(int incidentId)
    {
        await using var db = f.Db();
        return await db.IncidentActivities.Where(a => a.IncidentId == incidentId).ToListAsync();
    }
}
