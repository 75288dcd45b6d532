using System.Net.Http.Headers;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Api.Keys;
using IncidentPortal.Features.Integrations;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Tests.Admin.Support;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Hardening;

/// <summary>
/// The demo-seeded app on its own SQLite file, with what hostile requests need to get past the front door: an
/// agent's API key, one integration of each kind (rate limit out of reach) and a public status component.
/// Limits that would answer 429 before the input is even read are raised.
/// </summary>
public class HardeningPortal : PortalFactory, IAsyncLifetime
{
    public HardeningPortal() : this(null) { }

    protected HardeningPortal(IReadOnlyDictionary<string, string?>? overrides) : base(Settings(overrides)) { }

    public string AgentKey { get; private set; } = "";
    public string EventsKey { get; private set; } = "";
    public string AlertmanagerKey { get; private set; } = "";
    public string GrafanaKey { get; private set; } = "";
    public int ComponentId { get; private set; }
    public int IncidentId { get; private set; }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DemoData:Seed"] = "true",
            ["StatusSubscriptions:RequestsPerWindow"] = "1000000",
            ["Accounts:SignInAttemptsPerWindow"] = "1000000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public virtual async Task InitializeAsync()
    {
        _ = Server;
        var agent = await ActorAsync(DemoAccounts.Agent);
        AgentKey = (await Services.GetRequiredService<ApiKeyService>().CreateAsync(agent, "Hardening", ApiKeyScope.ReadWrite, null)).Secret;
        var teamId = await WithDbAsync(db => db.Teams.Select(t => t.Id).FirstAsync());
        EventsKey = await IntegrationAsync(IntegrationKind.Events, teamId);
        AlertmanagerKey = await IntegrationAsync(IntegrationKind.Alertmanager, teamId);
        GrafanaKey = await IntegrationAsync(IntegrationKind.Grafana, teamId);
        IncidentId = await WithDbAsync(db => db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        ComponentId = await WithDbAsync(async db =>
        {
            var component = StatusComponent.Create("Email", null, "Core", 1, null, DateTime.UtcNow);
            db.StatusComponents.Add(component);
            await db.SaveChangesAsync();
            return component.Id;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public Task<Actor> ActorAsync(string email) => WithUsersAsync(async users =>
    {
        var user = (await users.FindByEmailAsync(email))!;
        var roles = await users.GetRolesAsync(user);
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent),
            roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    });

    private async Task<string> IntegrationAsync(IntegrationKind kind, int teamId)
    {
        var settings = IntegrationSettings.Defaults($"Fuzz {kind}", kind, teamId) with { RateLimitPerMinute = 1_000_000 };
        var created = await Services.GetRequiredService<IntegrationAdminService>().CreateAsync(
            new Actor("admin-test", "Admin", false, false, true), settings);
        Assert.True(created.Result.Succeeded, created.Result.Error);
        return created.Key!;
    }

    /// <summary>A client without cookies that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    public HttpClient WithBearer(string secret)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A row count that a refused request must not change.</summary>
    public Task<int> StoredRowsAsync() => WithDbAsync(async db =>
        await db.Incidents.CountAsync() + await db.Alerts.CountAsync() + await db.StatusSubscribers.CountAsync()
        + await db.StatusWebhookSubscribers.CountAsync() + await db.ApiKeys.CountAsync());
}
