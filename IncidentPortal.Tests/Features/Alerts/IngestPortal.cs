using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Alerts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Alerts;

/// <summary>
/// The app on its own SQLite file, shared by one test class; each test makes its own integration (and key), so tests
/// never see each other's alerts. The outbox polls quickly, so follow-ups (auto-resolve) land within a second or two.
/// </summary>
public sealed class IngestPortal() : PortalFactory(new Dictionary<string, string?>
{
    ["Outbox:PollSeconds"] = "0.2",
    ["Outbox:RetryBaseSeconds"] = "1",
})
{
    public static readonly Actor Admin = new("admin-test", "Admin", false, false, true);
    private int teamId;

    public async Task<int> TeamIdAsync()
    {
        if (teamId != 0) return teamId;
        _ = Server; // starts the host, which migrates
        return teamId = await WithDbAsync(async db =>
        {
            var team = new Team { Name = "Operations" };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
    }

    /// <summary>A new integration with its key; <paramref name="change"/> adjusts the defaults.</summary>
    public async Task<TestIntegration> CreateIntegrationAsync(IntegrationKind kind, Func<IntegrationSettings, IntegrationSettings>? change = null)
    {
        var settings = IntegrationSettings.Defaults($"{kind} {Guid.NewGuid():N}"[..30], kind, await TeamIdAsync());
        if (change is not null) settings = change(settings);
        var created = await Services.GetRequiredService<IntegrationAdminService>().CreateAsync(Admin, settings);
        Assert.True(created.Result.Succeeded, created.Result.Error);
        return new TestIntegration(this, created.Result.Id!.Value, created.Key!);
    }

    public Task<List<Alert>> AlertsAsync(int integrationId) => WithDbAsync(db =>
        db.Alerts.AsNoTracking().Include(a => a.Occurrences).Where(a => a.IntegrationId == integrationId).OrderBy(a => a.Id).ToListAsync());

    public Task<List<Incident>> IncidentsAsync(int integrationId) => WithDbAsync(db =>
        db.Incidents.AsNoTracking().Include(i => i.Activities)
            .Where(i => db.Alerts.Any(a => a.IncidentId == i.Id && a.IntegrationId == integrationId)).OrderBy(i => i.Id).ToListAsync());

    /// <summary>Waits (up to 15 s) until <paramref name="check"/> holds: for work the outbox does after the request.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> check, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await check())
        {
            if (DateTime.UtcNow > until) Assert.Fail("Timed out waiting until " + what);
            await Task.Delay(100);
        }
    }
}

public sealed record TestIntegration(IngestPortal Portal, int Id, string Key)
{
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = null, bool bearer = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? Key);
        return Portal.CreateClient().SendAsync(request);
    }

    /// <summary>An Events v2 event with the key as routing_key, as PagerDuty clients send it.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> EventAsync(string action, string? dedupKey = null, string summary = "Disk full",
        string severity = "critical", string? group = null)
    {
        var body = new Dictionary<string, object?> { ["routing_key"] = Key, ["event_action"] = action };
        if (dedupKey is not null) body["dedup_key"] = dedupKey;
        if (action == "trigger")
            body["payload"] = new Dictionary<string, object?>
            {
                ["summary"] = summary, ["source"] = "db-01", ["severity"] = severity, ["group"] = group,
                ["custom_details"] = new { free_gb = 0.4, mount = "/var" },
            };
        using var response = await PostAsync("/api/ingest/events", JsonSerializer.Serialize(body), bearer: false);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
