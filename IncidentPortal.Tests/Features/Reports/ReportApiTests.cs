using System.Net;
using System.Text;
using System.Text.Json;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using IncidentPortal.Tests.Features.Api;
using IncidentPortal.Tests.Features.Incidents.Export;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>The reports API and CSV: staff only, People for managers, the JSON shapes, hostile text stays text.</summary>
public sealed class ReportApiTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task Reporters_get_403_agents_read_sections_and_only_managers_read_people()
    {
        using var reporter = await api.ClientAsync(DemoAccounts.Reporter, ApiKeyScope.Read);
        await (await reporter.GetAsync("/api/v1/reports/volume")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.GetAsync("/api/v1/reports/incidents?slice=created")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.GetAsync("/api/v1/reports/volume.csv")).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var agent = await api.ClientAsync(DemoAccounts.Agent, ApiKeyScope.Read);
        foreach (var section in new[] { "volume", "speed", "sla", "quality" })
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/reports/{section}?range=last90")).StatusCode);
        await (await agent.GetAsync("/api/v1/reports/people")).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var manager = await api.ClientAsync(DemoAccounts.Manager, ApiKeyScope.Read);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/reports/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/v1/reports/volume")).StatusCode);
    }

    [Fact]
    public async Task Volume_json_carries_points_slices_and_definitions_and_the_slice_lists_those_incidents()
    {
        var title = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line";
        using var agent = await api.ClientAsync(DemoAccounts.Agent);
        var created = await (await agent.PostJsonAsync("/api/v1/incidents", new { title, impact = "Low", urgency = "Low" })).ReadAsync<ApiIncident>();
        Assert.Equal(IncidentSource.Api, created.Source);

        var json = await (await agent.GetAsync("/api/v1/reports/volume?range=last7&source=api")).ReadAsync<JsonElement>();
        var points = json.GetProperty("createdResolved").EnumerateArray().ToList();
        Assert.Equal(7, points.Count);
        var today = points[^1];
        Assert.True(today.GetProperty("created").GetInt32() >= 1);
        var slice = today.GetProperty("createdSlice");
        Assert.Equal("created", slice.GetProperty("kind").GetString());
        Assert.Contains(json.GetProperty("headline").EnumerateArray(), f => f.GetProperty("howMeasured").GetString()!.Contains("reported", StringComparison.Ordinal));

        var key = slice.GetProperty("key").GetString();
        var list = await (await agent.GetAsync($"/api/v1/reports/incidents?range=last7&source=api&slice=created~{key}")).ReadAsync<List<ApiIncidentSummary>>();
        Assert.Equal(today.GetProperty("created").GetInt32(), list.Count);
        Assert.Contains(list, i => i.Id == created.Id);

        var csv = await agent.GetAsync($"/api/v1/reports/incidents.csv?range=last7&source=api&slice=created~{key}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var records = QueueCsvTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var row = Assert.Single(records, r => r[0] == created.Reference);
        Assert.Equal("'" + title, row[1]);
        Assert.All(records.SelectMany(r => r), cell => Assert.DoesNotMatch(@"^\s*[=+\-@\t\r]", cell));
    }

    [Fact]
    public async Task Bad_slices_and_tables_are_400_problems()
    {
        using var agent = await api.ClientAsync(DemoAccounts.Agent, ApiKeyScope.Read);
        await (await agent.GetAsync("/api/v1/reports/incidents?slice=nonsense")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.GetAsync("/api/v1/reports/volume.csv?table=passwords")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.GetAsync("/api/v1/reports/secrets.csv")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var table = await agent.GetAsync("/api/v1/reports/sla.csv?table=by-priority&range=last90");
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        Assert.StartsWith("Group,Response met", Encoding.UTF8.GetString(await table.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
