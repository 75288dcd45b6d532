using System.Net;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>Defect 7 through the API: resolving as Duplicate needs duplicateOf, and then links the two.</summary>
public sealed class ApiResolveDuplicateTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task Resolve_as_Duplicate_without_the_original_is_refused_and_with_it_closes_and_links()
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var original = await ReportAsync(client);
        var duplicate = await ReportAsync(client);
        var url = $"/api/v1/incidents/{duplicate.Id}/transitions";

        await (await client.PostJsonAsync(url, new { action = "Resolve", resolutionCode = "Duplicate", notes = "Same thing" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Null(await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == duplicate.Id).Select(i => i.DuplicateOfId).SingleAsync()));

        var response = await client.PostJsonAsync(url, new { action = "Resolve", resolutionCode = "Duplicate", duplicateOf = original.Reference });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var closed = await response.ReadAsync<ApiIncident>();
        Assert.Equal((IncidentStatus.Closed, ResolutionCode.Duplicate), (closed.Status, closed.ResolutionCode));
        Assert.Equal(original.Id, await api.Portal.WithDbAsync(db => db.Incidents.Where(i => i.Id == duplicate.Id).Select(i => i.DuplicateOfId).SingleAsync()));
    }

    private async Task<ApiIncident> ReportAsync(HttpClient client)
    {
        var reporter = await api.Portal.ReporterAsync();
        var response = await client.PostJsonAsync("/api/v1/incidents",
            new { title = "Duplicate test " + Guid.NewGuid().ToString("N")[..6], description = "Text", impact = "Low", urgency = "Medium", reporterId = reporter.UserId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ApiIncident>();
    }
}
