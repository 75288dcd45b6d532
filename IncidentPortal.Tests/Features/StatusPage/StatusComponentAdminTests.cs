using IncidentPortal.Features.StatusPage;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Features.StatusPage.StatusFixture;

namespace IncidentPortal.Tests.Features.StatusPage;

public sealed class StatusComponentAdminTests : IAsyncLifetime
{
    private StatusFixture f = null!;
    private StatusComponentAdminService admin = null!;

    public async Task InitializeAsync()
    {
        f = await StatusFixture.CreateAsync();
        admin = new StatusComponentAdminService(f.Database.Factory, f.Events, f.Clock, Microsoft.Extensions.Options.Options.Create(new StatusPageOptions { StaleAfterMinutes = 60 }));
    }

    public async Task DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task A_catalogue_service_is_shown_once_under_its_public_name_and_starts_operational_with_history()
    {
        var email = await f.Database.AddServiceAsync("Email");
        Assert.Contains(await admin.UnlistedServicesAsync(f.Manager), s => s.Id == email.Id);

        var created = await admin.CreateAsync(f.Manager, new StatusComponentInput("Email and calendars", null, "Collaboration", 1, true, email.Id));
        var again = await admin.CreateAsync(f.Manager, new StatusComponentInput("Mail", null, null, 2, true, email.Id));
        var sameName = await admin.CreateAsync(f.Manager, new StatusComponentInput(" email AND calendars ", null, null, 2, true, null));
        var blank = await admin.CreateAsync(f.Manager, new StatusComponentInput("  ", null, null, 2, true, null));

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(StatusComponentAdminService.ServiceField, again.Field);
        Assert.Equal(StatusComponentAdminService.NameField, sameName.Field);
        Assert.Equal(StatusComponentAdminService.NameField, blank.Field);
        var row = Assert.Single(await admin.ListAsync(f.Manager));
        Assert.Equal(("Email and calendars", "Email", "Collaboration", ComponentStatus.Operational), (row.Name, row.ServiceName, row.GroupName, row.Status));
        Assert.Equal(ComponentStatus.Operational, Assert.Single(await f.PeriodsAsync(row.Id)).Status);
        Assert.DoesNotContain(await admin.UnlistedServicesAsync(f.Manager), s => s.Id == email.Id);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync(f.Reporter));
    }

    [Fact]
    public async Task A_component_an_open_public_incident_affects_cannot_be_deleted_but_can_be_hidden()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();
        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.MajorOutage))));

        var refused = await admin.DeleteAsync(f.Manager, email);
        var hidden = await admin.UpdateAsync(f.Manager, email, new StatusComponentInput("Email", null, "Core", 0, false, null));

        Assert.False(refused.Succeeded);
        Assert.True(hidden.Succeeded);
        await using var db = f.Db();
        Assert.False(await db.StatusComponents.Where(c => c.Id == email).Select(c => c.IsVisible).SingleAsync());
    }

    [Fact]
    public async Task A_status_unchanged_while_its_public_incident_is_open_for_over_an_hour_is_flagged_stale_until_updated()
    {
        var email = await f.AddComponentAsync("Email");
        var incident = await f.ReportAsync();
        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Investigating, "Looking", Impacts((email, ComponentStatus.PartialOutage))));
        f.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(Assert.Single(await admin.ListAsync(f.Manager)).IsStale);

        f.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(Assert.Single(await admin.ListAsync(f.Manager)).IsStale);

        await f.Status.PublishUpdateAsync(f.Manager, incident, new PublishRequest("Email", IncidentPhase.Identified, "Found it", Impacts((email, ComponentStatus.MajorOutage))));
        Assert.False(Assert.Single(await admin.ListAsync(f.Manager)).IsStale);
    }
}
