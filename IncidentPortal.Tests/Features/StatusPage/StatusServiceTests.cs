using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Features.StatusPage.StatusFixture;

namespace IncidentPortal.Tests.Features.StatusPage;

public sealed class StatusServiceTests : IAsyncLifetime
{
    private StatusFixture f = null!;

    public async Task InitializeAsync() => f = await StatusFixture.CreateAsync();
    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task The_worst_open_impact_wins_and_the_component_returns_to_operational_when_the_last_resolves()
    {
        var email = await f.AddComponentAsync("Email");
        var vpn = await f.AddComponentAsync("VPN");
        var first = await f.ReportAsync();
        var second = await f.ReportAsync("Mail server down");

        var published = await f.Status.PublishUpdateAsync(f.Manager, first, new PublishRequest("Email delays", IncidentPhase.Investigating,
            "We are investigating reports of delayed email.", Impacts((email, ComponentStatus.PartialOutage), (vpn, ComponentStatus.DegradedPerformance))));
        Assert.True(published.Succeeded, published.Error);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await f.Status.PublishUpdateAsync(f.Manager, second, new PublishRequest("Email outage", IncidentPhase.Identified,
            "A mail server failed.", Impacts((email, ComponentStatus.MajorOutage))))).Succeeded);
        Assert.Equal(ComponentStatus.MajorOutage, await f.StatusOfAsync(email));

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await f.Status.PublishUpdateAsync(f.Manager, second, new PublishRequest("Email outage", IncidentPhase.Resolved,
            "The mail server is back.", Impacts()))).Succeeded);
        Assert.Equal(ComponentStatus.PartialOutage, await f.StatusOfAsync(email));
        Assert.Equal(ComponentStatus.DegradedPerformance, await f.StatusOfAsync(vpn));

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await f.Status.PublishUpdateAsync(f.Manager, first, new PublishRequest("Email delays", IncidentPhase.Resolved,
            "Mail flows normally.", Impacts()))).Succeeded);
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(email));
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(vpn));

        var history = await f.PeriodsAsync(email);
        Assert.Equal([ComponentStatus.PartialOutage, ComponentStatus.MajorOutage, ComponentStatus.PartialOutage, ComponentStatus.Operational],
            history.Select(p => p.Status));
        Assert.Equal("Email outage", history[1].Cause);
        Assert.Single(history, p => p.EndedAt is null);
        Assert.Equal(4, f.Notices.Seen.Count);
        Assert.All(f.Notices.Seen, n => Assert.Equal(StatusNoticeKind.IncidentUpdate, n.Kind));
        Assert.Equal([email, vpn], f.Notices.Seen[3].ComponentIds);
        Assert.All(f.Notices.Seen, n => Assert.True(n.PublicIncidentId > 0));
        Assert.Equal(4, f.ChangedEvents);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_stores_nothing()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();

        var noMessage = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, " ", Impacts((email, ComponentStatus.MajorOutage))));
        var noComponents = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts()));
        var operational = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.Operational))));
        var unknown = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email + 99, ComponentStatus.MajorOutage))));
        var nothingToResolve = await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Resolved, "Done", Impacts()));

        Assert.Equal(StatusService.MessageField, noMessage.Field);
        Assert.Equal(StatusService.ComponentsField, noComponents.Field);
        Assert.Equal(StatusService.ComponentsField, operational.Field);
        Assert.Equal(StatusService.ComponentsField, unknown.Field);
        Assert.Equal(StatusService.PhaseField, nothingToResolve.Field);
        await using var db = f.Db();
        Assert.Empty(await db.PublicIncidents.ToListAsync());
        Assert.Empty(f.Notices.Seen);
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(email));
    }

    [Fact]
    public async Task Only_incident_managers_and_admins_change_the_page()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();
        var agent = f.Manager with { IsIncidentManager = false };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Status.PublishUpdateAsync(agent, incident,
            new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.MajorOutage)))));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => f.Status.OverrideAsync(f.Reporter, email, ComponentStatus.MajorOutage, "x"));
        Assert.Equal(ComponentStatus.Operational, await f.StatusOfAsync(email));
    }

    [Fact]
    public async Task A_stale_version_is_refused_instead_of_overwriting_a_colleagues_update()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();
        var request = new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.MajorOutage)));
        var first = await f.Status.PublishUpdateAsync(f.Manager, incident, request);
        await using var db = f.Db();
        var version = await db.PublicIncidents.Where(p => p.Id == first.Id).Select(p => p.Version).SingleAsync();

        Assert.True((await f.Status.PublishUpdateAsync(f.Manager, incident, request with { Phase = IncidentPhase.Identified, ExpectedVersion = version })).Succeeded);
        var stale = await f.Status.PublishUpdateAsync(f.Manager, incident, request with { Phase = IncidentPhase.Monitoring, ExpectedVersion = version });

        Assert.False(stale.Succeeded);
        Assert.Equal(IncidentPhase.Identified, await db.PublicIncidents.Where(p => p.Id == first.Id).Select(p => p.Phase).SingleAsync());
    }

    [Fact]
    public async Task An_override_needs_a_reason_beats_the_derived_status_and_can_be_handed_back()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();
        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.MajorOutage))));

        var noReason = await f.Status.OverrideAsync(f.Manager, email, ComponentStatus.DegradedPerformance, "  ");
        Assert.Equal(StatusService.ReasonField, noReason.Field);
        Assert.True((await f.Status.OverrideAsync(f.Manager, email, ComponentStatus.DegradedPerformance, "Most mail flows again")).Succeeded);
        Assert.Equal(ComponentStatus.DegradedPerformance, await f.StatusOfAsync(email));
        Assert.Equal("Most mail flows again", (await f.PeriodsAsync(email)).Last().Cause);

        Assert.True((await f.Status.OverrideAsync(f.Manager, email, null, null)).Succeeded);
        Assert.Equal(ComponentStatus.MajorOutage, await f.StatusOfAsync(email));
    }
}
