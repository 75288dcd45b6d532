using System.Net;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>/api/v1/major-incidents: staff read and work the response by its rules; reporters get 404; bad input is a 4xx problem.</summary>
public sealed class ApiMajorIncidentTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    private async Task<int> IncidentAsync(string title)
    {
        var reporter = await api.Portal.ReporterAsync();
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var vpn = await api.Portal.WithDbAsync(db => db.Services.SingleAsync(s => s.Name == "VPN"));
        var response = await client.PostJsonAsync("/api/v1/incidents",
            new { title, description = "Text", impact = "High", urgency = "High", serviceId = vpn.Id, reporterId = reporter.UserId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<IncidentPortal.Features.Api.Incidents.ApiIncident>()).Id;
    }

    [Fact]
    public async Task An_agent_proposes_a_manager_declares_and_staff_read_the_response_with_its_log()
    {
        var incident = await IncidentAsync("API major " + Guid.NewGuid().ToString("N")[..6]);
        var other = await IncidentAsync("API child " + Guid.NewGuid().ToString("N")[..6]);
        using var agent = await api.ClientAsync(DemoAccounts.Agent);
        using var manager = await api.ClientAsync(DemoAccounts.Manager);
        var managerId = (await api.Portal.ManagerAsync()).UserId;

        // Agents cannot declare; a declaration needs a severity.
        await (await agent.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident", new { severity = "Sev1", commanderId = managerId }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await manager.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident", new { commanderId = managerId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var declared = await manager.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident", new { severity = "Sev2", commanderId = managerId, reason = "Many users" });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var id = (await declared.ReadAsync<ApiMajorIncidentRef>()).Id;
        Assert.Equal($"/api/v1/major-incidents/{id}", declared.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostJsonAsync($"/api/v1/major-incidents/{id}/log", new { kind = "Decision", text = "Fail over" })).StatusCode);
        await (await agent.PostJsonAsync($"/api/v1/major-incidents/{id}/log", new { kind = "Lifecycle", text = "Hacked" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostJsonAsync($"/api/v1/major-incidents/{id}/children", new { incidentIds = new[] { other } })).StatusCode);

        var read = await (await agent.GetAsync($"/api/v1/major-incidents/{id}")).ReadAsync<ApiMajorIncident>();
        Assert.Equal((MajorIncidentState.Declared, Severity.Sev2), (read.State, read.Severity));
        Assert.Contains(read.Roles, r => r.Role == ResponseRole.Commander && r.UserId == managerId);
        Assert.Equal([other], read.LinkedIncidentIds);
        Assert.Contains(read.Log, e => e.Kind == LogEntryKind.Decision && e.Text == "Fail over");
        Assert.NotNull(read.NextUpdateDue);
        Assert.Contains(await (await agent.GetAsync("/api/v1/major-incidents?view=active")).ReadAsync<List<ApiMajorIncidentRow>>(), r => r.Id == id);
    }

    [Fact]
    public async Task Reporters_never_reach_a_major_incident_and_a_proposal_needs_a_reason()
    {
        var incident = await IncidentAsync("API proposal " + Guid.NewGuid().ToString("N")[..6]);
        using var agent = await api.ClientAsync(DemoAccounts.Agent);
        using var reporter = await api.ClientAsync(DemoAccounts.Reporter);

        await (await agent.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident/proposal", new { reason = " " }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var proposed = await agent.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident/proposal", new { reason = "Whole floor offline" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.ReadAsync<ApiMajorIncidentRef>()).Id;

        await (await reporter.GetAsync($"/api/v1/major-incidents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.GetAsync("/api/v1/major-incidents")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostJsonAsync($"/api/v1/major-incidents/{id}/log", new { kind = "Note", text = "hi" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostJsonAsync($"/api/v1/incidents/{incident}/major-incident/proposal", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/v1/major-incidents/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
