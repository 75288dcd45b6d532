using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Incidents.Support;

/// <summary>
/// The whole app in-process (WebApplicationFactory) on a fresh SQLite file in a temp folder, seeded with the demo
/// organisation, on a <see cref="FakeTimeProvider"/>. Tests use the real services and a real AppDbContext.
/// Switch to Support/PortalFactory once the shared test infrastructure lands on main.
/// </summary>
public sealed class IncidentTestHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "incidentportal-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public FakeTimeProvider Clock { get; } = new();

    /// <summary>Auto-close after this many days; 0 keeps the background closer out of a test's way.</summary>
    public int AutoCloseAfterDays { get; init; }

    public IncidentService Incidents => Services.GetRequiredService<IncidentService>();
    public IncidentQueries Queries => Services.GetRequiredService<IncidentQueries>();
    public IEventBus Events => Services.GetRequiredService<IEventBus>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", dataDirectory);
        builder.UseSetting("DemoData:Seed", "true");
        builder.UseSetting("Incidents:AutoCloseAfterDays", AutoCloseAfterDays.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync()
    {
        _ = Services; // starts the host: migrations and demo data
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* a temp folder: best effort */ }
    }

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

    /// <summary>Reports a fresh incident as <paramref name="reporter"/> (Network service, so Alex Agent's team can take it).</summary>
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
