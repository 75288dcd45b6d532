using System.Text.Json;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Internal;
using IncidentPortal.Tests.Admin.Support;
using IncidentPortal.Tests.Features.StatusPage.Public;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.StatusPage.Internal;

/// <summary>The internal status view: which incidents it lists, what it says about them, who may read it; and the ETA rules.</summary>
public sealed class InternalStatusTests(AdminPortalFactory portal) : IClassFixture<AdminPortalFactory>
{
    private IncidentService Incidents => portal.Get<IncidentService>();
    private InternalStatusQueries Queries => portal.Get<InternalStatusQueries>();

    private async Task<Incident> ReportAsync(string title, Impact impact, Urgency urgency) =>
        await Incidents.ReportAsync(await portal.AgentAsync(), new IncidentDraft(title, "Details", impact, urgency, IncidentSource.Agent, null, null));

    [Fact]
    public async Task It_lists_open_p1_p2_and_published_incidents_with_eta_lead_and_last_public_update_but_never_work_notes()
    {
        var manager = await portal.ManagerAsync();
        var agent = await portal.AgentAsync();
        var secret = AdminPortalFactory.Unique("WORKNOTE-MARKER-rollback-db7");
        var etaSecret = AdminPortalFactory.Unique("ETANOTE-MARKER-vendor");
        var p1 = await ReportAsync(AdminPortalFactory.Unique("Checkout down"), Impact.High, Urgency.High);
        var p3 = await ReportAsync(AdminPortalFactory.Unique("Slow intranet search"), Impact.Medium, Urgency.Medium);
        var quiet = await ReportAsync(AdminPortalFactory.Unique("Printer jam"), Impact.Low, Urgency.Low);
        Assert.Equal(Priority.P1, p1.Priority);
        Assert.True(p3.Priority > Priority.P2 && quiet.Priority > Priority.P2);

        var eta = DateTime.UtcNow.AddHours(3);
        await Incidents.ChangeAsync(agent, p1.Id, null, new AssignIncident(p1.AssignmentGroupId ?? 1, null));
        await Incidents.ChangeAsync(agent, p1.Id, null, new SetEta(eta, etaSecret));
        await Incidents.ChangeAsync(agent, p1.Id, null, new AddComment(secret, IsPublic: false));
        await Incidents.ChangeAsync(agent, p3.Id, null, new AddComment(secret, IsPublic: false));

        // A P3 the manager put on the public page is a major incident for stakeholders.
        var component = await StatusTestData.AddComponentAsync(portal.Services, AdminPortalFactory.Unique("Intranet"), "Internal tools");
        var published = await portal.Get<StatusService>().PublishUpdateAsync(manager, p3.Id, new PublishRequest("Intranet search is slow",
            IncidentPhase.Identified, "Search takes up to a minute; we found the cause.", new Dictionary<int, ComponentStatus> { [component.Id] = ComponentStatus.DegradedPerformance }));
        Assert.True(published.Succeeded);

        var view = await Queries.LoadAsync(agent);
        var listed = view.Incidents.ToDictionary(i => i.Id);
        Assert.DoesNotContain(quiet.Id, listed.Keys);

        var major = listed[p3.Id];
        Assert.True(major.IsMajor);
        Assert.Equal("Intranet search is slow", major.PublicTitle);
        Assert.Equal(IncidentPhase.Identified, major.Phase);
        Assert.Equal([new AffectedComponent(component.Name, ComponentStatus.DegradedPerformance)], major.Components);
        Assert.Equal("Search takes up to a minute; we found the cause.", major.LastUpdate?.Message);
        Assert.Equal(manager.Name, major.LastUpdate?.By);
        Assert.Contains(view.DisruptedComponents, c => c.Name == component.Name && c.Status == ComponentStatus.DegradedPerformance);

        var high = listed[p1.Id];
        Assert.False(high.IsMajor);
        Assert.Equal(new DateTime(eta.Year, eta.Month, eta.Day, eta.Hour, eta.Minute, 0, DateTimeKind.Utc), high.Eta);
        Assert.NotNull(high.Team);
        Assert.Null(high.PublicTitle);
        // Major incidents first, then by priority.
        Assert.True(view.Incidents.ToList().FindIndex(i => i.Id == p3.Id) < view.Incidents.ToList().FindIndex(i => i.Id == p1.Id));

        var everything = JsonSerializer.Serialize(view);
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain(etaSecret, everything);

        // Resolved incidents leave the board.
        await Incidents.ChangeAsync(agent, p1.Id, null, new ResolveIncident(ResolutionCode.Fixed, "Restarted the pods", null));
        Assert.DoesNotContain((await Queries.LoadAsync(manager)).Incidents, i => i.Id == p1.Id);
    }

    [Fact]
    public async Task Reporters_cannot_read_the_internal_view_or_set_an_eta()
    {
        var reporter = await portal.ReporterAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.LoadAsync(reporter));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queries.EtaAsync(reporter, 1));
        var own = await Incidents.ReportAsync(reporter, new IncidentDraft(AdminPortalFactory.Unique("My laptop"), "", Impact.High, Urgency.High,
            IncidentSource.Portal, null, null));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => Incidents.ChangeAsync(reporter, own.Id, null, new SetEta(DateTime.UtcNow.AddHours(1))));

        using var client = await portal.SignInDemoAsync(DemoAccounts.Reporter);
        using var response = await client.Http.GetAsync("/status/internal");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(own.Title, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_eta_must_be_in_the_future_is_recorded_as_an_internal_timeline_entry_and_can_be_cleared()
    {
        var agent = await portal.AgentAsync();
        var incident = await ReportAsync(AdminPortalFactory.Unique("VPN flaps"), Impact.High, Urgency.Medium);

        var past = await Assert.ThrowsAsync<IncidentRuleException>(() =>
            Incidents.ChangeAsync(agent, incident.Id, null, new SetEta(DateTime.UtcNow.AddMinutes(-5))));
        Assert.Equal("The expected resolution must be in the future.", past.Message);
        await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.ChangeAsync(agent, incident.Id, null, new SetEta(null)));
        Assert.Null(await Queries.EtaAsync(agent, incident.Id));

        var eta = DateTime.UtcNow.Date.AddDays(2).AddHours(9).AddMinutes(30);
        var updated = await Incidents.ChangeAsync(agent, incident.Id, null, new SetEta(eta, "Vendor promised a patch"));
        Assert.Equal(eta, await Queries.EtaAsync(agent, incident.Id));
        Assert.Contains(updated.Changes, c => c.StartsWith("ETA: (none) → ") && c.Contains("09:30 UTC") && c.Contains("Vendor promised a patch"));
        Assert.False(updated.HasPublicChange);

        await Assert.ThrowsAsync<IncidentRuleException>(() => Incidents.ChangeAsync(agent, incident.Id, null, new SetEta(eta)));
        await Incidents.ChangeAsync(agent, incident.Id, null, new SetEta(null));
        Assert.Null(await Queries.EtaAsync(agent, incident.Id));

        // Setting and clearing are both internal timeline entries (reporters' timelines show public entries only).
        var staffView = await portal.Get<IncidentQueries>().GetAsync(agent, incident.Id);
        Assert.Equal(2, staffView.Timeline.Count(t => t.Summary.StartsWith("ETA:") && !t.IsPublic));
        await using var db = await portal.DbAsync();
        Assert.Null(await db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.Eta).SingleAsync());
    }
}
