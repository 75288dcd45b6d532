using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using static IncidentPortal.Tests.Admin.Support.AdminPortalFactory;

namespace IncidentPortal.Tests.Admin;

/// <summary>TeamAdminService over the real app and a real SQLite file.</summary>
public sealed class TeamAdminServiceTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private TeamAdminService Teams => portal.Get<TeamAdminService>();

    [Fact]
    public async Task Non_admins_cannot_change_teams_or_members()
    {
        var admin = await portal.AdminAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Locked"), "Before"))).Id!.Value;
        var agent = await portal.AgentAsync();

        foreach (var actor in new[] { await portal.ReporterAsync(), agent, await portal.ManagerAsync() })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.CreateAsync(actor, new TeamInput(Unique("Sneaky"), "")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.UpdateAsync(actor, team, new TeamInput("Renamed", "After")));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.DeleteAsync(actor, team));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.AddMemberAsync(actor, team, agent.UserId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.RemoveMemberAsync(actor, team, agent.UserId));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Teams.ListAsync(actor));
        }

        await using var db = await portal.DbAsync();
        var stored = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == team);
        Assert.Equal("Before", stored.Description);
        Assert.Empty(stored.Members);
        Assert.False(await db.Teams.AnyAsync(t => t.Name.StartsWith("Sneaky")));
    }

    [Fact]
    public async Task A_name_that_differs_only_in_case_is_refused_with_a_field_message_and_nothing_stored()
    {
        var admin = await portal.AdminAsync();
        var name = Unique("Field Ops");
        Assert.True((await Teams.CreateAsync(admin, new TeamInput(name, "First"))).Succeeded);

        var duplicate = await Teams.CreateAsync(admin, new TeamInput("  " + name.ToUpperInvariant() + " ", "Second"));

        Assert.False(duplicate.Succeeded);
        Assert.Equal(TeamAdminService.NameField, duplicate.Field);
        Assert.Contains("already a team called", duplicate.Error);
        await using var db = await portal.DbAsync();
        Assert.Equal(1, await db.Teams.CountAsync(t => t.Name.ToLower() == name.ToLower()));
        Assert.False(await db.Teams.AnyAsync(t => t.Description == "Second"));
    }

    [Fact]
    public async Task Renaming_onto_another_teams_name_is_refused_and_the_team_is_unchanged()
    {
        var admin = await portal.AdminAsync();
        var id = (await Teams.CreateAsync(admin, new TeamInput(Unique("Desk"), "Kept"))).Id!.Value;

        var result = await Teams.UpdateAsync(admin, id, new TeamInput("network", "Changed"));

        Assert.Equal(TeamAdminService.NameField, result.Field);
        await using var db = await portal.DbAsync();
        Assert.Equal("Kept", (await db.Teams.SingleAsync(t => t.Id == id)).Description);
    }

    [Fact]
    public async Task Blank_names_and_long_descriptions_get_field_messages()
    {
        var admin = await portal.AdminAsync();

        var blank = await Teams.CreateAsync(admin, new TeamInput("   ", ""));
        var longDescription = await Teams.CreateAsync(admin, new TeamInput(Unique("Verbose"), new string('x', 501)));

        Assert.Equal((TeamAdminService.NameField, "Give the team a name."), (blank.Field, blank.Error));
        Assert.Equal(TeamAdminService.DescriptionField, longDescription.Field);
        await using var db = await portal.DbAsync();
        Assert.False(await db.Teams.AnyAsync(t => t.Name == "" || t.Name.StartsWith("Verbose")));
    }

    [Fact]
    public async Task Edits_are_saved_trimmed()
    {
        var admin = await portal.AdminAsync();
        var id = (await Teams.CreateAsync(admin, new TeamInput(Unique("Old"), ""))).Id!.Value;
        var name = Unique("New");

        Assert.True((await Teams.UpdateAsync(admin, id, new TeamInput($"  {name}  ", " Looks after printers. "))).Succeeded);

        var row = (await Teams.ListAsync(admin)).Single(t => t.Id == id);
        Assert.Equal((name, "Looks after printers."), (row.Name, row.Description));
    }

    [Fact]
    public async Task A_team_that_supports_a_service_cannot_be_deleted_until_the_service_moves()
    {
        var admin = await portal.AdminAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Print"), ""))).Id!.Value;
        var serviceName = Unique("Printing");
        var services = portal.Get<ServiceCatalogAdminService>();
        var service = (await services.CreateAsync(admin, new ServiceInput(serviceName, "", team, true))).Id!.Value;

        var refused = await Teams.DeleteAsync(admin, team);

        Assert.False(refused.Succeeded);
        Assert.Contains(serviceName, refused.Error);
        Assert.Contains("another support team", refused.Error);
        await using (var db = await portal.DbAsync()) Assert.True(await db.Teams.AnyAsync(t => t.Id == team));

        await services.UpdateAsync(admin, service, new ServiceInput(serviceName, "", null, true));
        Assert.True((await Teams.DeleteAsync(admin, team)).Succeeded);
        await using (var db = await portal.DbAsync()) Assert.False(await db.Teams.AnyAsync(t => t.Id == team));
    }

    [Fact]
    public async Task A_team_with_open_incidents_is_deleted_only_once_told_where_they_go_and_they_move_there()
    {
        var admin = await portal.AdminAsync();
        var agent = await portal.AgentAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Routing"), ""))).Id!.Value;
        var target = (await Teams.CreateAsync(admin, new TeamInput(Unique("Takes over"), ""))).Id!.Value;
        Assert.True((await Teams.AddMemberAsync(admin, team, agent.UserId)).Succeeded);
        var incidents = portal.Get<IncidentService>();
        var reporter = await portal.ReporterAsync();
        async Task<int> AssignedAsync(string title)
        {
            var incident = await incidents.ReportAsync(reporter, new IncidentDraft(title, null, Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));
            await incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(team, agent.UserId));
            return incident.Id;
        }
        var (open1, open2, closed) = (await AssignedAsync("Printer on fire"), await AssignedAsync("Scanner on fire"), await AssignedAsync("Fax on fire"));
        await incidents.ChangeAsync(agent, closed, null, new CancelIncident("Wrong building"));

        var deletion = (await Teams.DeletionAsync(admin, team))!;
        Assert.Equal((1, 2, 1), (deletion.Members, deletion.OpenIncidents, deletion.ClosedIncidents));
        var refused = await Teams.DeleteAsync(admin, team);
        Assert.Equal((TeamAdminService.MoveToField, $"{deletion.Name} has 2 open incidents: choose the team they move to."), (refused.Field, refused.Error));
        await using (var db = await portal.DbAsync()) Assert.True(await db.Teams.AnyAsync(t => t.Id == team));

        var done = await Teams.DeleteAsync(admin, team, target);

        Assert.True(done.Succeeded, done.Error);
        Assert.Equal("2 open incidents moved.", done.Notice);
        await using var after = await portal.DbAsync();
        Assert.False(await after.Teams.AnyAsync(t => t.Id == team));
        foreach (var id in new[] { open1, open2 })
        {
            var moved = await after.Incidents.Include(i => i.Activities).SingleAsync(i => i.Id == id);
            // Moved as an agent would move it: on its timeline; the assignee is not in the new team, so it is cleared.
            Assert.Equal((target, (string?)null), (moved.AssignmentGroupId, moved.AssigneeId));
            Assert.Contains(moved.Activities, a => a.Field == "Team" && a.OldValue == deletion.Name && a.NewValue!.StartsWith("Takes over"));
        }
        Assert.Null((await after.Incidents.SingleAsync(i => i.Id == closed)).AssignmentGroupId);
        Assert.True(await after.Users.AnyAsync(u => u.Id == agent.UserId));
    }

    [Fact]
    public async Task An_unused_team_is_deleted_and_its_members_keep_their_accounts()
    {
        var admin = await portal.AdminAsync();
        var agent = await portal.AgentAsync();
        var team = (await Teams.CreateAsync(admin, new TeamInput(Unique("Short-lived"), ""))).Id!.Value;
        await Teams.AddMemberAsync(admin, team, agent.UserId);

        Assert.True((await Teams.DeleteAsync(admin, team)).Succeeded);

        await using var db = await portal.DbAsync();
        Assert.False(await db.Teams.AnyAsync(t => t.Id == team));
        Assert.True(await db.Users.AnyAsync(u => u.Id == agent.UserId));
    }
}
