using System.Net;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Features.Incidents.Support;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents;

/// <summary>The war room is staff only: by HTTP, and through every service it uses.</summary>
public sealed class WarRoomAccessTests(IncidentTestHost host) : IClassFixture<IncidentTestHost>
{
    private const string DemoPassword = "Demo!Pass1";
    private MajorIncidentService Majors => host.Services.GetRequiredService<MajorIncidentService>();

    private async Task<(int Id, int IncidentId, string Title)> DeclareAsync(string title)
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var incident = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), title);
        return (await Majors.DeclareAsync(manager, incident.Id, Severity.Sev1, manager.UserId, null), incident.Id, incident.Title);
    }

    [Fact]
    public async Task Anonymous_visitors_sign_in_first_reporters_get_403_and_agents_get_the_war_room()
    {
        var (id, _, title) = await DeclareAsync("Citrix farm down (access)");

        using (var anonymous = host.CreatePortalClient())
        using (var response = await anonymous.GetAsync($"/major-incidents/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.LocationPathAndQuery());
        }

        // The reporter of the very incident: still no war room, nor its log.
        using (var reporter = await host.SignInAsync(DemoEmails.Reporter, DemoPassword))
        using (var response = await reporter.GetAsync($"/major-incidents/{id}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(title, await response.Content.ReadAsStringAsync());
        }

        using (var agent = await host.SignInAsync(DemoEmails.Agent, DemoPassword))
        using (var response = await agent.GetAsync($"/major-incidents/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Equal(title, page.Heading());
        }
    }

    [Fact]
    public async Task A_reporter_cannot_read_post_pin_or_publish_through_the_services()
    {
        var (id, _, _) = await DeclareAsync("Telephony down (services)");
        var reporter = await host.ActorAsync(DemoEmails.Reporter);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        await Majors.PostAsync(manager, id, LogEntryKind.Fact, "Internal fact");
        var entry = (await host.Services.GetRequiredService<WarRoomQueries>().GetAsync(manager, id)).Log.Single(e => e.Text == "Internal fact");

        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => host.Services.GetRequiredService<WarRoomQueries>().GetAsync(reporter, id));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Majors.PostAsync(reporter, id, LogEntryKind.Note, "reporter was here"));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => Majors.PinAsync(reporter, id, entry.Id, true));
        await Assert.ThrowsAsync<MajorIncidentNotFoundException>(() => host.Services.GetRequiredService<MajorIncidentStatusUpdates>()
            .PublishAsync(reporter, id, new PublishRequest("Telephony", IncidentPhase.Investigating, "x", new Dictionary<int, ComponentStatus>())));

        await using var db = await host.DbAsync();
        var log = await db.MajorIncidentLog.Where(e => EF.Property<int>(e, "MajorIncidentId") == id).ToListAsync();
        Assert.DoesNotContain(log, e => e.Text == "reporter was here");
        Assert.False(log.Single(e => e.Id == entry.Id).Pinned);
    }

    [Fact]
    public async Task Posting_an_update_publishes_to_the_status_page_and_restarts_the_rhythm_an_agent_is_refused_with_nothing_published()
    {
        var (id, incidentId, _) = await DeclareAsync("Intranet down (update)");
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var updates = host.Services.GetRequiredService<MajorIncidentStatusUpdates>();
        var state = await host.Services.GetRequiredService<StatusService>().PublishingStateAsync(manager, incidentId);
        var vpn = state.Components.First(c => c.Name.Contains("VPN"));
        var request = new PublishRequest("Remote access problems", IncidentPhase.Investigating, "We are looking into it.",
            new Dictionary<int, ComponentStatus> { [vpn.Id] = ComponentStatus.PartialOutage });
        var queries = host.Services.GetRequiredService<WarRoomQueries>();
        var dueBefore = (await queries.GetAsync(manager, id)).NextUpdateDueAt;

        var refused = await updates.PublishAsync(agent, id, request);
        Assert.False(refused.Succeeded);
        await using (var db = await host.DbAsync()) Assert.False(await db.PublicIncidents.AnyAsync(p => p.IncidentId == incidentId));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await updates.PublishAsync(manager, id, request)).Succeeded);
        var view = await queries.GetAsync(manager, id);
        Assert.Equal(dueBefore + TimeSpan.FromMinutes(10), view.NextUpdateDueAt);
        Assert.Equal("We are looking into it.", view.LastPublicUpdate?.Message);
        Assert.Contains(view.Log, e => e.Kind == LogEntryKind.PublicUpdate && e.Text == "Status page update (Investigating): We are looking into it.");
        Assert.Equal(TimeSpan.FromMinutes(10), view.Measures.TimeToFirstCommunication);
    }
}
