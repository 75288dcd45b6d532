using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

/// <summary>ServiceCatalogAdminService over the real app and a real SQLite file.</summary>
public sealed class ServiceCatalogAdminTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private ServiceCatalogAdminService Services => portal.Get<ServiceCatalogAdminService>();

    [Fact]
    public async Task Non_admins_cannot_change_the_catalogue()
    {
        var admin = await portal.AdminAsync();
        var name = Unique("Fax");
        var id = (await Services.CreateAsync(admin, new ServiceInput(name, "Before", null, true))).Id!.Value;

        foreach (var actor in new[] { await portal.ReporterAsync(), await portal.AgentAsync(), await portal.ManagerAsync() })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Services.CreateAsync(actor, new ServiceInput(Unique("Sneaky"), "", null, true)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Services.UpdateAsync(actor, id, new ServiceInput(name, "After", null, true)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Services.SetActiveAsync(actor, id, false));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Services.DeleteAsync(actor, id));
        }

        await using var db = await portal.DbAsync();
        var stored = await db.Services.SingleAsync(s => s.Id == id);
        Assert.Equal(("Before", true), (stored.Description, stored.IsActive));
        Assert.False(await db.Services.AnyAsync(s => s.Name.StartsWith("Sneaky")));
    }

    [Fact]
    public async Task Duplicate_names_are_refused_ignoring_case_and_nothing_is_stored()
    {
        var admin = await portal.AdminAsync();
        var before = await CountAsync();

        var created = await Services.CreateAsync(admin, new ServiceInput("vpn", "A second VPN", null, true));

        Assert.Equal(ServiceCatalogAdminService.NameField, created.Field);
        Assert.Equal("There is already a service called \"vpn\".", created.Error);
        Assert.Equal(before, await CountAsync());

        var email = (await Services.ListAsync(admin)).Single(s => s.Name == "Email");
        var renamed = await Services.UpdateAsync(admin, email.Id, new ServiceInput("VPN ", "Changed", null, false));
        Assert.Equal(ServiceCatalogAdminService.NameField, renamed.Field);
        var after = (await Services.ListAsync(admin)).Single(s => s.Id == email.Id);
        Assert.Equal(email, after);
    }

    [Fact]
    public async Task A_support_team_that_does_not_exist_is_refused()
    {
        var result = await Services.CreateAsync(await portal.AdminAsync(), new ServiceInput(Unique("Orphan"), "", 999_999, true));

        Assert.Equal(ServiceCatalogAdminService.SupportTeamField, result.Field);
    }

    [Fact]
    public async Task An_inactive_service_leaves_the_report_form_but_stays_on_its_incidents()
    {
        var admin = await portal.AdminAsync();
        var reporter = await portal.ReporterAsync();
        var name = Unique("Intranet");
        var id = (await Services.CreateAsync(admin, new ServiceInput(name, "The staff intranet", null, true))).Id!.Value;
        var catalog = portal.Get<CatalogService>();
        Assert.Contains(await catalog.ActiveServicesAsync(), s => s.Id == id && s.Name == name);
        var incidents = portal.Get<IncidentService>();
        var incident = await incidents.ReportAsync(reporter, Draft(id));

        Assert.True((await Services.SetActiveAsync(admin, id, false)).Succeeded);

        Assert.DoesNotContain(await catalog.ActiveServicesAsync(), s => s.Id == id);
        Assert.Equal(name, (await portal.Get<IncidentQueries>().GetAsync(reporter, incident.Id)).ServiceName);
        await Assert.ThrowsAsync<IncidentRuleException>(() => incidents.ReportAsync(reporter, Draft(id)));

        Assert.True((await Services.SetActiveAsync(admin, id, true)).Succeeded);
        Assert.Contains(await catalog.ActiveServicesAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task A_service_that_incidents_name_cannot_be_deleted_but_an_unused_one_can()
    {
        var admin = await portal.AdminAsync();
        var used = (await Services.CreateAsync(admin, new ServiceInput(Unique("Used"), "", null, true))).Id!.Value;
        var unused = (await Services.CreateAsync(admin, new ServiceInput(Unique("Unused"), "", null, true))).Id!.Value;
        await portal.Get<IncidentService>().ReportAsync(await portal.ReporterAsync(), Draft(used));

        var refused = await Services.DeleteAsync(admin, used);
        var deleted = await Services.DeleteAsync(admin, unused);

        Assert.Contains("Deactivate it instead", refused.Error);
        Assert.True(deleted.Succeeded);
        await using var db = await portal.DbAsync();
        Assert.True(await db.Services.AnyAsync(s => s.Id == used));
        Assert.False(await db.Services.AnyAsync(s => s.Id == unused));
    }

    [Fact]
    public async Task The_list_shows_the_support_team_and_open_incident_counts()
    {
        var admin = await portal.AdminAsync();
        var network = (await portal.Get<ServiceCatalogAdminService>().TeamsAsync(admin)).Single(t => t.Name == "Network");
        var id = (await Services.CreateAsync(admin, new ServiceInput(Unique("Proxy"), " Web proxy ", network.Id, true))).Id!.Value;
        await portal.Get<IncidentService>().ReportAsync(await portal.ReporterAsync(), Draft(id));

        var row = (await Services.ListAsync(admin)).Single(s => s.Id == id);

        Assert.Equal(("Web proxy", network.Id, "Network", 1, 1), (row.Description, row.SupportTeamId, row.SupportTeamName, row.OpenIncidentCount, row.IncidentCount));
    }

    private static IncidentDraft Draft(int serviceId) =>
        new("It is broken", null, Impact.Low, Urgency.Low, IncidentSource.Portal, serviceId, null);

    private async Task<int> CountAsync()
    {
        await using var db = await portal.DbAsync();
        return await db.Services.CountAsync();
    }
}
