using Bunit;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Features.Teams.Pages;
using IncidentPortal.Tests.Components.Support;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IncidentPortal.Tests.Components.Teams;

/// <summary>Defect 9: deleting a team with open incidents says how many, asks where they go, and moves them there.</summary>
public sealed class TeamDeleteDialogTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    [Fact]
    public async Task The_dialog_counts_the_open_incidents_asks_for_their_new_team_and_moves_them()
    {
        var admin = await host.ActorAsync("admin@demo.local");
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var teams = host.Services.GetRequiredService<TeamAdminService>();
        var name = $"Night shift {Guid.NewGuid():N}"[..18];
        var team = (await teams.CreateAsync(admin, new TeamInput(name, ""))).Id!.Value;
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), "Door badge reader offline");
        await host.Incidents.ChangeAsync(agent, incident.Id, null, new AssignIncident(team, null));

        await using var ctx = PortalComponents.Create(host, admin);
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TeamsPage>();
        page.WaitForAssertion(() => page.Find($"button[aria-label='Delete {name}']"));
        page.Find($"button[aria-label='Delete {name}']").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("It has 1 open incident.", dialogs.Find("[role=dialog]").TextContent));
        var delete = dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete team");
        Assert.Contains("mud-button-filled-error", delete.ClassName);
        // The button submits the dialog's form (bunit does not follow a submit button's form attribute).
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Contains("choose the team it moves to", dialogs.Markup));
        await using (var db = await host.DbAsync()) Assert.True(await db.Teams.AnyAsync(t => t.Id == team));

        popovers.Choose(dialogs, "Move open incidents to", "Network");
        dialogs.Find("form").Submit();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));

        await using var after = await host.DbAsync();
        Assert.False(await after.Teams.AnyAsync(t => t.Id == team));
        var moved = await after.Incidents.Where(i => i.Id == incident.Id).Select(i => i.AssignmentGroup!.Name).SingleAsync();
        Assert.Equal("Network", moved);
    }
}
