using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Incidents.Support;

/// <summary>
/// The app in-process (<see cref="PortalFactory"/>: its own SQLite file in a temp folder) with the demo organisation
/// and a <see cref="FakeTimeProvider"/>. Tests use the real services and a real AppDbContext.
/// The fake drives timers too: the app's loops that wait on the TimeProvider (auto-close, review and action-item
/// reminders, the maintenance scheduler) run once at start-up and then only when a test advances the clock past
/// their interval, so an Advance may start one of them beside the test's own calls (they tolerate that, as they
/// tolerate several app instances). Pollers that wait on real timers (outbox, SLA, escalation) keep running.
/// </summary>
public sealed class IncidentTestHost : PortalFactory, IAsyncLifetime
{
    public IncidentTestHost() : this(autoCloseAfterDays: 0) { }

    /// <summary>A host whose background auto-closer uses <paramref name="days"/>; the default host (0) keeps it out of the way.</summary>
    public static IncidentTestHost WithAutoCloseAfter(int days) => new(days);

    private IncidentTestHost(int autoCloseAfterDays) : base(new Dictionary<string, string?>
    {
        ["DemoData:Seed"] = "true",
        ["Incidents:AutoCloseAfterDays"] = autoCloseAfterDays.ToString(),
    })
    {
    }

    public FakeTimeProvider Clock { get; } = new(TestClock.MondayMorning);

    public IncidentService Incidents => Services.GetRequiredService<IncidentService>();
    public IncidentQueries Queries => Services.GetRequiredService<IncidentQueries>();
    public IEventBus Events => Services.GetRequiredService<IEventBus>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync()
    {
        _ = Services; // starts the host: migrations and demo data
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async Task<AppDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>A demo person as the services see them (roles from the database, as sign-in would give).</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var db = await DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    /// <summary>Reports a fresh incident as <paramref name="reporter"/> on the VPN service.</summary>
    public async Task<Incident> ReportAsync(Actor reporter, string title = "Printer on fire")
    {
        await using var db = await DbAsync();
        var vpn = await db.Services.SingleAsync(s => s.Name == "VPN");
        return await Incidents.ReportAsync(reporter, new IncidentDraft(title, "It smells of smoke.", Impact.Low, Urgency.Medium,
            IncidentSource.Portal, vpn.Id, null));
    }

    public async Task<int> TeamIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    /// <summary>The stored incident, straight from the database (no query filtering), with its whole timeline.</summary>
    public async Task<Incident> StoredAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.Incidents.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Id == id);
    }
}

public static class DemoEmails
{
    public const string Reporter = "reporter@demo.local";
    public const string OtherReporter = "jo@demo.local";
    public const string Agent = "agent@demo.local";
    public const string Manager = "manager@demo.local";
}
