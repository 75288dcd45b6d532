using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Notifications.Support;

/// <summary>
/// The app in-process with the demo organisation, its mail going to a real <see cref="SmtpTestServer"/> on 127.0.0.1,
/// and an outbox that polls and retries within fractions of a second so outages can be simulated quickly.
/// </summary>
public sealed class MailPortal : PortalFactory, IAsyncLifetime
{
    public const string PublicUrl = "https://portal.test";

    public MailPortal() : this(new SmtpTestServer()) { }

    private MailPortal(SmtpTestServer smtp) : base(new Dictionary<string, string?>
    {
        ["DemoData:Seed"] = "true",
        ["Incidents:AutoCloseAfterDays"] = "0",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtp.Port.ToString(),
        ["Smtp:FromAddress"] = "portal@portal.test",
        ["Smtp:TimeoutSeconds"] = "5",
        ["Portal:PublicUrl"] = PublicUrl,
        ["Outbox:PollSeconds"] = "0.2",
        ["Outbox:RetryBaseSeconds"] = "0.3",
        ["Outbox:MaxRetryMinutes"] = "0.01",
        ["Outbox:MaxAttempts"] = "100",
    }) => Smtp = smtp;

    public SmtpTestServer Smtp { get; }
    public IncidentService Incidents => Services.GetRequiredService<IncidentService>();

    public Task InitializeAsync()
    {
        _ = Services; // starts the host: migrations, demo data, the outbox dispatcher
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A demo person as the services see them.</summary>
    public Task<Actor> ActorAsync(string email) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    });

    public async Task<Incident> ReportAsync(Actor reporter, string title)
    {
        var vpn = await WithDbAsync(db => db.Services.SingleAsync(s => s.Name == "VPN"));
        return await Incidents.ReportAsync(reporter, new IncidentDraft(title, "Cannot connect since this morning.", Impact.Low,
            Urgency.Medium, IncidentSource.Portal, vpn.Id, null));
    }

    public Task<int> TeamIdAsync(string name) => WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    /// <summary>Polls the database until <paramref name="condition"/> holds (the outbox works in the background).</summary>
    public async Task<T> EventuallyAsync<T>(Func<AppDbContext, Task<T>> read, Func<T, bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await WithDbAsync(read);
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; last seen: {value}");
            await Task.Delay(100);
        }
    }
}
