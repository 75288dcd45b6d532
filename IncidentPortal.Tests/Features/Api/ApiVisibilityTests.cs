using System.Net;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>The portal's rules through the API: reporters see and do only what the reporter pages let them.</summary>
public sealed class ApiVisibilityTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    private const string OtherReporter = "jo@demo.local";

    [Fact]
    public async Task A_reporter_lists_only_their_own_incidents_and_an_agent_lists_everyone_s()
    {
        var reporter = await api.Portal.ReporterAsync();
        var own = await api.Portal.WithDbAsync(db => db.Incidents.CountAsync(i => i.ReporterId == reporter.UserId));
        var all = await api.Portal.WithDbAsync(db => db.Incidents.CountAsync());
        Assert.True(own > 0 && own < all, "The demo data should give the reporter some, not all, incidents.");

        using var reporterClient = await api.ClientAsync(DemoAccounts.Reporter, IncidentPortal.Features.Api.Keys.ApiKeyScope.Read);
        var page = await (await reporterClient.GetAsync("/api/v1/incidents?pageSize=200")).ReadAsync<ApiPage<ApiIncidentSummary>>();
        Assert.Equal(own, page.Total);
        Assert.All(page.Items, i => Assert.Equal("Riley Reporter", i.Reporter));

        using var agentClient = await api.ClientAsync(DemoAccounts.Agent, IncidentPortal.Features.Api.Keys.ApiKeyScope.Read);
        Assert.Equal(all, (await (await agentClient.GetAsync("/api/v1/incidents?pageSize=1")).ReadAsync<ApiPage<ApiIncidentSummary>>()).Total);
    }

    [Fact]
    public async Task Another_reporter_s_incident_is_not_found_for_reading_or_writing()
    {
        var incident = await ReportAsync(OtherReporter);
        using var client = await api.ClientAsync(DemoAccounts.Reporter);

        await (await client.GetAsync($"/api/v1/incidents/{incident.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/incidents/{incident.Reference}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/incidents/{incident.Id}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "Not mine", isPublic = true }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { action = "Reopen", comment = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reporter_sees_the_public_view_without_work_notes_or_internal_fields()
    {
        var incident = await ReportAsync(DemoAccounts.Reporter);
        using var agent = await api.ClientAsync(DemoAccounts.Agent);
        var note = "Internal: vendor ticket " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await agent.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = note })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { priority = "P1", priorityReason = "Board demo" })).StatusCode);

        using var reporter = await api.ClientAsync(DemoAccounts.Reporter, IncidentPortal.Features.Api.Keys.ApiKeyScope.Read);
        var timeline = await (await reporter.GetAsync($"/api/v1/incidents/{incident.Id}/timeline")).ReadAsync<List<ApiTimelineEntry>>();
        var details = await (await reporter.GetAsync($"/api/v1/incidents/{incident.Id}")).ReadAsync<ApiIncident>();
        var agentTimeline = await (await agent.GetAsync($"/api/v1/incidents/{incident.Id}/timeline")).ReadAsync<List<ApiTimelineEntry>>();

        Assert.Contains(agentTimeline, e => e.Text == note && !e.IsPublic);
        Assert.DoesNotContain(timeline, e => e.Text == note);
        Assert.All(timeline, e => Assert.True(e.IsPublic));
        Assert.Null(details.PriorityOverrideReason);
        Assert.Null(details.ReporterEmail);
    }

    [Fact]
    public async Task A_reporter_may_comment_publicly_on_their_own_incident_but_not_change_it_or_write_work_notes()
    {
        var incident = await ReportAsync(DemoAccounts.Reporter);
        using var client = await api.ClientAsync(DemoAccounts.Reporter);

        var comment = await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "Still broken for me" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var entry = await comment.ReadAsync<ApiTimelineEntry>();
        Assert.True(entry.IsPublic);
        Assert.Equal(ActivityKind.PublicComment, entry.Kind);

        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "secret", isPublic = false }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { title = "Now urgent!" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { action = "Cancel", reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/teams")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(incident.Title, await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_reporter_cannot_log_an_incident_for_someone_else()
    {
        using var client = await api.ClientAsync(DemoAccounts.Reporter);
        var agent = await api.Portal.AgentAsync();

        await (await client.PostJsonAsync("/api/v1/incidents", new { title = "For someone else", impact = "Low", urgency = "Low", reporterId = agent.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_services_and_categories()
    {
        using var client = await api.ClientAsync(DemoAccounts.Reporter, IncidentPortal.Features.Api.Keys.ApiKeyScope.Read);
        var services = await (await client.GetAsync("/api/v1/services")).ReadAsync<List<IncidentPortal.Features.Api.Catalog.ApiService>>();
        var categories = await (await client.GetAsync("/api/v1/categories")).ReadAsync<List<IncidentPortal.Features.Api.Catalog.ApiCategory>>();

        Assert.Contains(services, s => s.Name == "VPN" && s.SupportTeam is not null);
        Assert.Contains(categories, c => c.Subcategories.Count > 0);
    }

    private async Task<Incident> ReportAsync(string email) =>
        await api.Portal.Get<IncidentService>().ReportAsync(await api.Portal.ActorAsync(email),
            new IncidentDraft("Visibility test " + Guid.NewGuid().ToString("N")[..6], "Details", Impact.Low, Urgency.Low, IncidentSource.Portal, null, null));
}
