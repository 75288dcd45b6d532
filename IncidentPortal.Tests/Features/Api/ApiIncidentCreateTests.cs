using System.Net;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>POST /api/v1/incidents: created and routed like a portal report; bad input named by field; nothing half-written.</summary>
public sealed class ApiIncidentCreateTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task Create_returns_201_with_Location_and_routes_to_the_services_team()
    {
        using var client = await api.ClientAsync(DemoAccounts.Reporter);
        var vpn = await api.Portal.WithDbAsync(db => db.Services.SingleAsync(s => s.Name == "VPN"));

        var response = await client.PostJsonAsync("/api/v1/incidents",
            new { title = "  VPN drops every hour  ", description = "Since Monday", impact = "Medium", urgency = "High", serviceId = vpn.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<ApiIncident>();
        Assert.Equal($"/api/v1/incidents/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("VPN drops every hour", created.Title);
        Assert.Equal(IncidentStatus.New, created.Status);
        Assert.Equal(vpn.SupportTeamId, created.Team?.Id);
        Assert.Equal("Riley Reporter", created.Reporter.Name);

        var fetched = await (await client.GetAsync(response.Headers.Location!.OriginalString)).ReadAsync<ApiIncident>();
        var byReference = await (await client.GetAsync($"/api/v1/incidents/{created.Reference}")).ReadAsync<ApiIncident>();
        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(created.Id, byReference.Id);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"impact":"Low","urgency":"Low"}""", "title" },
        { """{"title":"   ","impact":"Low","urgency":"Low"}""", "title" },
        { """{"title":"No impact","urgency":"Low"}""", "impact" },
        { """{"title":"No urgency","impact":"Low"}""", "urgency" },
        { $$"""{"title":"{{new string('x', 201)}}","impact":"Low","urgency":"Low"}""", "title" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_with_a_missing_or_bad_field_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var before = await api.Portal.WithDbAsync(db => db.Incidents.CountAsync());

        var response = await client.PostAsync("/api/v1/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await api.Portal.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Theory]
    [InlineData("""{"title":"Bad enum","impact":"Enormous","urgency":"Low"}""", "impact")]
    [InlineData("""{"title":"Broken""", "JSON")]
    [InlineData("""[1,2]""", "JSON")]
    public async Task Unreadable_bodies_are_a_400_problem_saying_what_is_wrong(string body, string mentions)
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var response = await client.PostAsync("/api/v1/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains(mentions, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rule_the_service_enforces_comes_back_as_422_with_its_message()
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var response = await client.PostJsonAsync("/api/v1/incidents", new { title = "Unknown service", impact = "Low", urgency = "Low", serviceId = 999_999 });
        Assert.Equal("Choose a service from the list.", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_agent_logs_an_incident_for_a_caller_and_its_source_is_the_api()
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var caller = await api.Portal.ReporterAsync();
        var created = await (await client.PostJsonAsync("/api/v1/incidents",
            new { title = "Phoned in: printer jam", impact = "Low", urgency = "Low", reporterId = caller.UserId })).ReadAsync<ApiIncident>();

        Assert.Equal(caller.UserId, created.Reporter.Id);
        Assert.Equal(IncidentSource.Api, created.Source);
        Assert.Equal("Alex Agent", created.LoggedBy);
    }
}
