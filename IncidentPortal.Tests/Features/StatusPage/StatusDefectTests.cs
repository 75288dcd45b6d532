using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Features.StatusPage.StatusFixture;

namespace IncidentPortal.Tests.Features.StatusPage;

/// <summary>Regression tests of issue 21's defects 2 (publishing leaves a timeline entry) and 4 (stale warnings).</summary>
public sealed class StatusDefectTests : IAsyncLifetime
{
    private StatusFixture f = null!;
    private StatusComponentAdminService admin = null!;

    public async Task InitializeAsync()
    {
        f = await StatusFixture.CreateAsync();
        admin = new StatusComponentAdminService(f.Database.Factory, f.Events, f.Clock,
            Microsoft.Extensions.Options.Options.Create(new StatusPageOptions { StaleAfterMinutes = 60 }));
    }

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task Every_public_update_is_on_the_incidents_timeline_with_text_components_statuses_who_and_when()
    {
        var store = await f.AddComponentAsync("Online store");
        var payments = await f.AddComponentAsync("Payments");
        var incident = await f.ReportAsync();
        int versionBefore;
        await using (var db = f.Db()) versionBefore = await db.Incidents.Where(i => i.Id == incident).Select(i => i.Version).SingleAsync();

        var first = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Checkout problems", IncidentPhase.Investigating,
            "We are looking into failed payments.", Impacts((store, ComponentStatus.PartialOutage), (payments, ComponentStatus.MajorOutage))));
        f.Clock.Advance(TimeSpan.FromMinutes(20));
        var second = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Checkout problems", IncidentPhase.Identified,
            "The payment provider has a fault.", Impacts((payments, ComponentStatus.DegradedPerformance))));
        Assert.True(first.Succeeded && second.Succeeded, first.Error ?? second.Error);

        await using var read = f.Db();
        var entries = await read.Set<IncidentActivity>().Where(a => a.IncidentId == incident && a.Field == StatusLifecycleHook.TimelineTopic)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Published on the status page (Investigating): “Checkout problems”. Components: Online store: Partial outage, "
            + "Payments: Major outage. Message: We are looking into failed payments.", entries[0].Text);
        Assert.Equal("Published on the status page (Identified): “Checkout problems”. Components: Payments: Degraded performance. "
            + "Message: The payment provider has a fault.", entries[1].Text);
        Assert.All(entries, e => Assert.Equal(f.Manager.UserId, e.ActorId));
        Assert.Equal(TimeSpan.FromMinutes(20), entries[1].At - entries[0].At);
        // Publishing changes nothing an editor of the incident is editing: no new version, so no stale-editor warning.
        Assert.Equal(versionBefore, await read.Incidents.Where(i => i.Id == incident).Select(i => i.Version).SingleAsync());
    }

    [Fact]
    public async Task A_component_no_public_incident_affects_is_never_stale_even_with_an_open_P1_on_its_service()
    {
        var service = await f.Database.AddServiceAsync("Web shop");
        await admin.CreateAsync(f.Manager, new StatusComponentInput("Online store", null, null, 0, true, service.Id));
        await f.Incidents.ReportAsync(f.Reporter, new IncidentDraft("Shop down", null, Impact.High, Urgency.High, IncidentSource.Portal, service.Id, null));

        f.Clock.Advance(TimeSpan.FromHours(3));

        var row = Assert.Single(await admin.ListAsync(f.Manager));
        Assert.False(row.IsStale);
        Assert.Null(row.StaleFor);
    }

    [Fact]
    public async Task A_stale_warning_names_the_public_incident_that_affects_that_component_and_only_that_one()
    {
        var email = await f.AddComponentAsync("Email");
        var vpn = await f.AddComponentAsync("VPN");
        var incident = await f.ReportAsync("Mail queue stuck");
        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email delays", IncidentPhase.Investigating, "Looking",
            Impacts((email, ComponentStatus.PartialOutage))));

        f.Clock.Advance(TimeSpan.FromMinutes(61));

        var rows = (await admin.ListAsync(f.Manager)).ToDictionary(r => r.Id);
        Assert.Equal($"{Incident.FormatReference(incident)} “Email delays”", rows[email].StaleFor);
        Assert.False(rows[vpn].IsStale);
    }
}
