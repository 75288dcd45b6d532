using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

/// <summary>CategoryAdminService over the real app and a real SQLite file.</summary>
public sealed class CategoryAdminTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private CategoryAdminService Categories => portal.Get<CategoryAdminService>();

    [Fact]
    public async Task Non_admins_cannot_change_categories()
    {
        var admin = await portal.AdminAsync();
        var name = Unique("Facilities");
        var id = (await Categories.CreateAsync(admin, null, name)).Id!.Value;

        foreach (var actor in new[] { await portal.ReporterAsync(), await portal.AgentAsync(), await portal.ManagerAsync() })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Categories.CreateAsync(actor, null, Unique("Sneaky")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Categories.CreateAsync(actor, id, Unique("Sneaky")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Categories.RenameAsync(actor, id, "Renamed"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Categories.SetActiveAsync(actor, id, false));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Categories.DeleteAsync(actor, id));
        }

        await using var db = await portal.DbAsync();
        var stored = await db.Categories.SingleAsync(c => c.Id == id);
        Assert.Equal((name, true), (stored.Name, stored.IsActive));
        Assert.False(await db.Categories.AnyAsync(c => c.Name.StartsWith("Sneaky")));
    }

    [Fact]
    public async Task Names_are_unique_per_parent_ignoring_case()
    {
        var admin = await portal.AdminAsync();
        var network = await IdOfAsync("Network", null);
        var before = await CountAsync();

        var topLevel = await Categories.CreateAsync(admin, null, " network ");
        var sibling = await Categories.CreateAsync(admin, network, "vpn");

        Assert.Equal((CategoryAdminService.NameField, "There is already a category called \"network\"."), (topLevel.Field, topLevel.Error));
        Assert.Equal((CategoryAdminService.NameField, "There is already a subcategory called \"vpn\" under Network."), (sibling.Field, sibling.Error));
        Assert.Equal(before, await CountAsync());

        // The same name under another parent is a different subcategory.
        var elsewhere = await Categories.CreateAsync(admin, await IdOfAsync("Security", null), "VPN");
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task Renaming_onto_a_siblings_name_is_refused()
    {
        var admin = await portal.AdminAsync();
        var dns = await IdOfAsync("DNS", await IdOfAsync("Network", null));

        var result = await Categories.RenameAsync(admin, dns, "Connectivity");

        Assert.Equal(CategoryAdminService.NameField, result.Field);
        await using var db = await portal.DbAsync();
        Assert.Equal("DNS", (await db.Categories.SingleAsync(c => c.Id == dns)).Name);
    }

    [Fact]
    public async Task Subcategories_cannot_have_subcategories()
    {
        var admin = await portal.AdminAsync();
        var vpn = await IdOfAsync("VPN", await IdOfAsync("Network", null));

        var result = await Categories.CreateAsync(admin, vpn, "Split tunnel");

        Assert.False(result.Succeeded);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Categories.AnyAsync(c => c.ParentId == vpn));
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted_and_is_deactivated_instead()
    {
        var admin = await portal.AdminAsync();
        var parent = (await Categories.CreateAsync(admin, null, Unique("Office"))).Id!.Value;
        var used = (await Categories.CreateAsync(admin, parent, "Coffee machine")).Id!.Value;
        await portal.Get<IncidentService>().ReportAsync(await portal.ReporterAsync(), Draft(used));

        var refused = await Categories.DeleteAsync(admin, used);
        var parentRefused = await Categories.DeleteAsync(admin, parent);

        Assert.Contains("1 incident is filed under it", refused.Error);
        Assert.Contains("while it has subcategories", parentRefused.Error);
        await using (var db = await portal.DbAsync()) Assert.Equal(2, await db.Categories.CountAsync(c => c.Id == used || c.Id == parent));

        Assert.True((await Categories.SetActiveAsync(admin, used, false)).Succeeded);
        var row = (await Categories.ListAsync(admin)).Single(t => t.Category.Id == parent).Subcategories.Single();
        Assert.Equal((used, false, 1), (row.Id, row.IsActive, row.IncidentCount));
    }

    [Fact]
    public async Task An_unused_category_is_deleted()
    {
        var admin = await portal.AdminAsync();
        var id = (await Categories.CreateAsync(admin, null, Unique("Typo"))).Id!.Value;

        Assert.True((await Categories.DeleteAsync(admin, id)).Succeeded);

        await using var db = await portal.DbAsync();
        Assert.False(await db.Categories.AnyAsync(c => c.Id == id));
    }

    [Fact]
    public async Task A_deactivated_category_takes_its_subcategories_off_the_forms_until_reactivated()
    {
        var admin = await portal.AdminAsync();
        var reporter = await portal.ReporterAsync();
        var incidents = portal.Get<IncidentService>();
        var parent = (await Categories.CreateAsync(admin, null, Unique("Building"))).Id!.Value;
        var child = (await Categories.CreateAsync(admin, parent, "Lifts")).Id!.Value;

        var deactivated = await Categories.SetActiveAsync(admin, parent, false);

        Assert.Equal("Its 1 active subcategory is hidden from forms too.", deactivated.Notice);
        await Assert.ThrowsAsync<IncidentRuleException>(() => incidents.ReportAsync(reporter, Draft(child)));
        await Assert.ThrowsAsync<IncidentRuleException>(() => incidents.ReportAsync(reporter, Draft(parent)));

        Assert.True((await Categories.SetActiveAsync(admin, parent, true)).Succeeded);
        var incident = await incidents.ReportAsync(reporter, Draft(child));
        Assert.Equal(child, incident.CategoryId);
    }

    private static IncidentDraft Draft(int categoryId) =>
        new("Something is wrong", null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, categoryId);

    private async Task<int> IdOfAsync(string name, int? parentId)
    {
        await using var db = await portal.DbAsync();
        return await db.Categories.Where(c => c.Name == name && c.ParentId == parentId).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await portal.DbAsync();
        return await db.Categories.CountAsync();
    }
}
