using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Webhooks;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Webhooks.Support;

/// <summary>
/// The app in-process on its own SQLite file with the demo organisation, its real outbox dispatcher tuned to retry within
/// a second, and a real HTTP <see cref="Receiver"/> to deliver to.
/// </summary>
public sealed class WebhookTestHost() : PortalFactory(new Dictionary<string, string?>
{
    ["DemoData:Seed"] = "true",
    ["Incidents:AutoCloseAfterDays"] = "0",
    ["Outbox:PollSeconds"] = "0.2",
    ["Outbox:RetryBaseSeconds"] = "0.3",
    ["Outbox:MaxAttempts"] = "3",
    ["Portal:PublicUrl"] = "https://portal.example.test/",
    ["Webhooks:TimeoutSeconds"] = "3", // generous: a cold first request on a busy machine must not time out
}), IAsyncLifetime
{
    public WebhookReceiver Receiver { get; private set; } = default!;

    public WebhookAdminService Admin => Services.GetRequiredService<WebhookAdminService>();
    public IncidentService Incidents => Services.GetRequiredService<IncidentService>();

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        _ = Services; // starts the app: migrations, demo data, the outbox dispatcher
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }

    public async Task<AppDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = await DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    public Task<Actor> AdminAsync() => ActorAsync("admin@demo.local");
    public Task<Actor> AgentAsync() => ActorAsync("agent@demo.local");
    public Task<Actor> ReporterAsync() => ActorAsync("reporter@demo.local");

    /// <summary>Registers an endpoint on the receiver at <paramref name="path"/>; returns its id and plain secret.</summary>
    public async Task<(int Id, string Secret)> RegisterAsync(string path, WebhookEvents events, int[]? teams = null,
        Priority[]? priorities = null)
    {
        var created = await Admin.CreateAsync(await AdminAsync(), new WebhookSettings("Hook " + path.Trim('/'), Receiver.Url(path), events,
            teams ?? [], priorities ?? [], IsEnabled: true));
        Assert.True(created.Result.Succeeded, created.Result.Error);
        return (created.Result.Id!.Value, created.Secret!);
    }

    /// <summary>Deletes it, so later tests' incidents are not delivered to it.</summary>
    public async Task UnregisterAsync(int id) => await Admin.DeleteAsync(await AdminAsync(), id);

    public async Task<Incident> ReportAsync(string service, Impact impact, Urgency urgency, string title)
    {
        await using var db = await DbAsync();
        var serviceId = await db.Services.Where(s => s.Name == service).Select(s => s.Id).SingleAsync();
        return await Incidents.ReportAsync(await ReporterAsync(), new IncidentDraft(title, "Details", impact, urgency, IncidentSource.Portal, serviceId, null));
    }

    public async Task<int> TeamIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Waits until the endpoint's log holds <paramref name="count"/> attempts; returns them oldest first.</summary>
    public async Task<List<WebhookAttemptRow>> AttemptsAsync(int endpointId, int count)
    {
        var admin = await AdminAsync();
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var rows = await Admin.DeliveriesAsync(admin, endpointId);
            if (rows.Count >= count || DateTime.UtcNow > deadline) return rows.OrderBy(r => r.Id).ToList();
            await Task.Delay(100);
        }
    }
}
