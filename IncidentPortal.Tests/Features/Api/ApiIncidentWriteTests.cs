using System.Net;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>Changing, moving and commenting through the API, with the same rules as the workspace.</summary>
public sealed class ApiIncidentWriteTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task Patch_changes_only_the_fields_sent_and_If_Match_refuses_a_stale_version_with_412()
    {
        var (client, incident) = await AgentIncidentAsync();
        var network = await api.Portal.WithDbAsync(db => db.Teams.Include(t => t.Members).SingleAsync(t => t.Name == "Network"));

        var response = await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}",
            new { title = "Renamed", description = (string?)null, teamId = network.Id, assigneeId = network.Members[0].Id }, ifMatch: incident.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.ReadAsync<ApiIncident>();
        Assert.Equal("Renamed", patched.Title);
        Assert.Equal("", patched.Description);
        Assert.Equal(incident.Impact, patched.Impact);
        Assert.Equal(network.Id, patched.Team?.Id);
        Assert.Equal(network.Members[0].Id, patched.Assignee?.Id);
        Assert.Equal(IncidentStatus.Assigned, patched.Status);
        Assert.Equal($"\"{patched.Version}\"", response.Headers.ETag?.ToString());

        var stale = await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { title = "Lost update" }, ifMatch: incident.Version);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains(problem.GetProperty("missedChanges").EnumerateArray(), c => c.GetString()!.Contains("Renamed"));
        Assert.Equal("Renamed", await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Patch_refuses_bad_input_and_changes_nothing()
    {
        var (client, incident) = await AgentIncidentAsync();
        var outsider = await api.Portal.ReporterAsync();

        var version = await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.Version).SingleAsync());

        using (var badIfMatch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/incidents/{incident.Id}") { Content = System.Net.Http.Json.JsonContent.Create(new { title = "y" }) })
        {
            badIfMatch.Headers.TryAddWithoutValidation("If-Match", "yesterday");
            await (await client.SendAsync(badIfMatch)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }
        await (await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { teamId = incident.Team!.Id, assigneeId = outsider.UserId }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { impact = (string?)null })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { priority = "P1" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PatchJsonAsync("/api/v1/incidents/999999", new { title = "z" })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(version, await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.Version).SingleAsync()));
    }

    [Fact]
    public async Task Transitions_walk_the_lifecycle_and_refuse_illegal_moves()
    {
        var (client, incident) = await AgentIncidentAsync();
        var agent = await api.Portal.AgentAsync();
        await client.PatchJsonAsync($"/api/v1/incidents/{incident.Id}", new { assigneeId = agent.UserId });

        async Task<ApiIncident> Move(object body)
        {
            var response = await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.ReadAsync<ApiIncident>();
        }

        Assert.Equal(IncidentStatus.InProgress, (await Move(new { action = "start" })).Status);
        var held = await Move(new { action = "Hold", holdReason = "AwaitingVendor" });
        Assert.Equal((IncidentStatus.OnHold, OnHoldReason.AwaitingVendor), (held.Status, held.OnHoldReason));
        Assert.Equal(IncidentStatus.InProgress, (await Move(new { action = "Start" })).Status);
        var resolved = await Move(new { action = "Resolve", resolutionCode = "Fixed", notes = "Replaced the router" });
        Assert.Equal((IncidentStatus.Resolved, ResolutionCode.Fixed, "Replaced the router"), (resolved.Status, resolved.ResolutionCode, resolved.ResolutionNotes));

        using var reporter = await api.ClientAsync(DemoAccounts.Reporter);
        var reopened = await reporter.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { action = "Reopen", comment = "It is back" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(1, (await reopened.ReadAsync<ApiIncident>()).ReopenCount);

        await Move(new { action = "Resolve", resolutionCode = "Workaround", notes = "Restart it", workaround = "Restart" });
        Assert.Equal(IncidentStatus.Closed, (await Move(new { action = "Close" })).Status);

        var illegal = await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { action = "Start" });
        await illegal.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { action = "Hold" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/transitions", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cancel_needs_a_reason()
    {
        var (client, incident) = await AgentIncidentAsync();
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Reference}/transitions", new { action = "Cancel" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var cancelled = await client.PostJsonAsync($"/api/v1/incidents/{incident.Reference}/transitions", new { action = "Cancel", reason = "Duplicate of another" });
        Assert.Equal(IncidentStatus.Cancelled, (await cancelled.ReadAsync<ApiIncident>()).Status);
    }

    [Fact]
    public async Task An_agent_s_comment_is_a_work_note_unless_marked_public_and_an_empty_one_is_refused()
    {
        var (client, incident) = await AgentIncidentAsync();

        var note = await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "Checked the logs" })).ReadAsync<ApiTimelineEntry>();
        var reply = await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "We are on it", isPublic = true });

        Assert.Equal((ActivityKind.WorkNote, false), (note.Kind, note.IsPublic));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(ActivityKind.PublicComment, (await reply.ReadAsync<ApiTimelineEntry>()).Kind);
        await (await client.PostJsonAsync($"/api/v1/incidents/{incident.Id}/comments", new { text = "  " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("/api/v1/incidents/999999")]
    [InlineData("/api/v1/incidents/INC-999999")]
    [InlineData("/api/v1/incidents/not-an-incident")]
    [InlineData("/api/v1/no-such-endpoint")]
    public async Task Unknown_things_are_404_problems(string path)
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        await (await client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>An incident the agent logged for the demo reporter, with a client acting as the agent.</summary>
    private async Task<(HttpClient Client, ApiIncident Incident)> AgentIncidentAsync()
    {
        var client = await api.ClientAsync(DemoAccounts.Agent);
        var reporter = await api.Portal.ReporterAsync();
        var vpn = await api.Portal.WithDbAsync(db => db.Services.SingleAsync(s => s.Name == "VPN"));
        var response = await client.PostJsonAsync("/api/v1/incidents",
            new { title = "Write test " + Guid.NewGuid().ToString("N")[..6], description = "Text", impact = "Low", urgency = "Medium", serviceId = vpn.Id, reporterId = reporter.UserId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, await response.ReadAsync<ApiIncident>());
    }
}
