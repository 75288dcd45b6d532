using System.Net;
using IncidentPortal.Features.Api.Incidents;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>GET /api/v1/incidents: filters, sort, paging with totals and links, and bad query strings.</summary>
public sealed class ApiIncidentListTests(ApiPortal api) : IClassFixture<ApiPortal>
{
    [Fact]
    public async Task Pages_carry_the_total_and_links_and_together_hold_every_match_once()
    {
        var word = "paging" + Guid.NewGuid().ToString("N")[..8];
        var ids = await ReportManyAsync(DemoAccounts.Reporter, word, 5);
        using var client = await api.ClientAsync(DemoAccounts.Agent);

        var first = await ListAsync(client, $"/api/v1/incidents?q={word}&pageSize=2&sort=created&order=asc");
        Assert.Equal((5, 3, 1), (first.Total, first.TotalPages, first.Page));
        Assert.Equal(ids.Take(2), first.Items.Select(i => i.Id));
        Assert.Null(first.Previous);

        var second = await ListAsync(client, first.Next!);
        var third = await ListAsync(client, second.Next!);
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id));
        Assert.Null(third.Next);
        Assert.Equal(2, (await ListAsync(client, third.Previous!)).Page);

        var beyond = await ListAsync(client, $"/api/v1/incidents?q={word}&pageSize=2&page=9");
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.Total);

        var newestFirst = await ListAsync(client, $"/api/v1/incidents?q={word}");
        Assert.Equal(ids.AsEnumerable().Reverse(), newestFirst.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Filters_narrow_by_status_priority_team_assignee_service_category_and_reporter()
    {
        var word = "filter" + Guid.NewGuid().ToString("N")[..8];
        var ids = await ReportManyAsync(DemoAccounts.Reporter, word, 3);
        var agent = await api.Portal.AgentAsync();
        var incidents = api.Portal.Get<IncidentService>();
        // VPN incidents are routed to Network; Service Desk (Alex is in both) sets this one apart.
        var serviceDesk = await api.Portal.WithDbAsync(db => db.Teams.SingleAsync(t => t.Name == "Service Desk"));
        await incidents.ChangeAsync(agent, ids[0], null, new AssignIncident(serviceDesk.Id, agent.UserId));
        await incidents.ChangeAsync(agent, ids[0], null, new OverridePriority(Priority.P1, "Test"));
        await incidents.ChangeAsync(agent, ids[1], null, new CancelIncident("Not needed"));
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        string Q(string filter) => $"/api/v1/incidents?q={word}&{filter}";

        Assert.Equal([ids[0]], await IdsAsync(client, Q("status=Assigned")));
        Assert.Equal([ids[1], ids[0]], await IdsAsync(client, Q("status=Assigned&status=Cancelled")));
        Assert.Equal([ids[1]], await IdsAsync(client, Q("open=false")));
        Assert.Equal([ids[2], ids[0]], await IdsAsync(client, Q("open=true")));
        Assert.Equal([ids[0]], await IdsAsync(client, Q("priority=P1")));
        Assert.Equal([ids[0]], await IdsAsync(client, Q($"team={serviceDesk.Id}")));
        Assert.Equal([ids[0]], await IdsAsync(client, Q("assignee=me")));
        Assert.Equal([ids[0]], await IdsAsync(client, Q($"assignee={agent.UserId}")));
        Assert.Equal([ids[2], ids[1]], await IdsAsync(client, Q("assignee=none")));
        Assert.Empty(await IdsAsync(client, Q("reportedByMe=true")));

        var (vpn, networkCategory) = await api.Portal.WithDbAsync(async db =>
            (await db.Services.SingleAsync(s => s.Name == "VPN"), await db.Categories.SingleAsync(c => c.Name == "Network" && c.ParentId == null)));
        Assert.Equal(3, (await IdsAsync(client, Q($"service={vpn.Id}"))).Count);
        Assert.Equal(3, (await IdsAsync(client, Q($"category={networkCategory.Id}"))).Count); // reported under its subcategory VPN

        var reference = (await api.Portal.WithDbAsync(db => db.Incidents.SingleAsync(i => i.Id == ids[2]))).Reference;
        Assert.Equal([ids[2]], await IdsAsync(client, $"/api/v1/incidents?q={reference}"));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=colour", "sort")]
    [InlineData("order=sideways", "order")]
    public async Task Bad_paging_or_sorting_is_a_validation_problem(string query, string field)
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var problem = await (await client.GetAsync("/api/v1/incidents?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_problem()
    {
        using var client = await api.ClientAsync(DemoAccounts.Agent);
        var problem = await (await client.GetAsync("/api/v1/incidents?status=Sleeping")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Sleeping", problem.GetProperty("detail").GetString());
    }

    private static async Task<ApiPage<ApiIncidentSummary>> ListAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ApiPage<ApiIncidentSummary>>();
    }

    private static async Task<List<int>> IdsAsync(HttpClient client, string path) => (await ListAsync(client, path)).Items.Select(i => i.Id).ToList();

    /// <summary>Incidents on the VPN service and category, one after another (so creation order is id order).</summary>
    private async Task<List<int>> ReportManyAsync(string email, string word, int count)
    {
        var actor = await api.Portal.ActorAsync(email);
        var (service, category) = await api.Portal.WithDbAsync(async db =>
            (await db.Services.SingleAsync(s => s.Name == "VPN"), await db.Categories.SingleAsync(c => c.Name == "VPN")));
        var ids = new List<int>();
        for (var n = 0; n < count; n++)
        {
            var incident = await api.Portal.Get<IncidentService>().ReportAsync(actor,
                new IncidentDraft($"List test {word} #{n}", "Body", Impact.Low, Urgency.Low, IncidentSource.Portal, service.Id, category.Id));
            ids.Add(incident.Id);
            await Task.Delay(5); // distinct creation times, so "created" order is this order
        }
        return ids;
    }
}
