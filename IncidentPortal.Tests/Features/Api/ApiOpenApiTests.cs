using System.Net;
using System.Text.Json;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>The OpenAPI document describes every operation, how to authenticate, and enums by name.</summary>
public sealed class ApiOpenApiTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    private static readonly string[] Operations =
    [
        "GET /api/v1/incidents", "POST /api/v1/incidents", "GET /api/v1/incidents/{incident}", "PATCH /api/v1/incidents/{incident}",
        "GET /api/v1/incidents/{incident}/timeline", "POST /api/v1/incidents/{incident}/transitions", "POST /api/v1/incidents/{incident}/comments",
        "GET /api/v1/services", "GET /api/v1/categories", "GET /api/v1/teams", "GET /api/v1/me",
        "GET /api/v1/major-incidents", "GET /api/v1/major-incidents/{id}", "POST /api/v1/major-incidents/{id}/log",
        "POST /api/v1/major-incidents/{id}/children", "POST /api/v1/incidents/{incident}/major-incident/proposal",
        "POST /api/v1/incidents/{incident}/major-incident",
        "GET /api/v1/reports/volume", "GET /api/v1/reports/speed", "GET /api/v1/reports/sla", "GET /api/v1/reports/quality",
        "GET /api/v1/reports/people", "GET /api/v1/reports/incidents", "GET /api/v1/reports/incidents.csv",
        "GET /api/v1/reports/{section}.csv",
    ];

    [Fact]
    public async Task The_document_lists_every_operation_with_a_summary_and_nothing_outside_the_api()
    {
        var document = await DocumentAsync();

        var listed = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Op: op.Value)))
            .ToList();
        Assert.Equal(Operations.Order(), listed.Select(o => o.Key).Where(k => k.Contains("/api/v1/")).Order());
        Assert.All(listed, o => Assert.StartsWith("/api/", o.Key.Split(' ')[1]));
        Assert.All(listed, o => Assert.False(string.IsNullOrWhiteSpace(o.Op.GetProperty("summary").GetString()), o.Key));
        Assert.All(listed, o => Assert.True(o.Op.GetProperty("tags").GetArrayLength() > 0, o.Key));
    }

    [Fact]
    public async Task The_document_says_how_to_authenticate_and_describes_enums_and_parameters()
    {
        var document = await DocumentAsync();
        var components = document.GetProperty("components");

        var schemes = components.GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Contains("InProgress", components.GetProperty("schemas").GetProperty("IncidentStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var listParameters = document.GetProperty("paths").GetProperty("/api/v1/incidents").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant()).ToList();
        Assert.Superset(new HashSet<string> { "status", "priority", "team", "assignee", "service", "category", "q", "reportedbyme", "sort", "order", "page", "pagesize" },
            listParameters.ToHashSet());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = api.Anonymous();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
