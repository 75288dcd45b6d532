using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using IncidentPortal.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IncidentPortal.Tests.Features.Incidents.Queue;

/// <summary>
/// A small organisation on a real, migrated SQLite file (or PostgreSQL database, see <see cref="PostgresVariable"/>), with incidents in every state made through IncidentService,
/// and the queue over it. "Me" is an agent in Network and Database. Incidents (key: team, assignee, status):
/// vpn: Network, me, InProgress · dns: Network, nobody, Assigned · payroll: Applications, outsider, InProgress ·
/// backup: Database, me, OnHold · laptop: no service, no team, New · cert: Network, colleague, Assigned ·
/// printer: Resolved (was mine) · oldvpn: Closed · dup: Cancelled.
/// </summary>
public sealed class QueueWorld : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "incidentportal-tests", "queue-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    public InProcessEventBus Events { get; } = new(NullLogger<InProcessEventBus>.Instance);
    public IDbContextFactory<AppDbContext> Db { get; private set; } = null!;
    public IncidentService Incidents { get; private set; } = null!;
    public QueueService Queue { get; private set; } = null!;

    public Actor Me { get; private set; } = null!;
    public Actor Colleague { get; private set; } = null!;
    public Actor Outsider { get; private set; } = null!;
    public Actor Lonely { get; private set; } = null!;
    public Actor Reporter { get; private set; } = null!;

    public Dictionary<string, int> Teams { get; } = [];
    public Dictionary<string, int> Services { get; } = [];
    public Dictionary<string, int> Categories { get; } = [];
    /// <summary>Incident ids by key; <see cref="Numbers"/> their INC numbers.</summary>
    public Dictionary<string, int> Ids { get; } = [];
    public Dictionary<string, int> Numbers { get; } = [];

    /// <summary>
    /// Set to a PostgreSQL server's connection string (no database: each world creates and drops its own) to run the
    /// queue tests there instead of on SQLite, e.g. Host=127.0.0.1;Port=5432;Username=postgres.
    /// </summary>
    public const string PostgresVariable = "INCIDENTPORTAL_TEST_POSTGRES";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var builder = new DbContextOptionsBuilder<AppDbContext>()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        _ = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } postgres
            ? builder.UseNpgsql($"{postgres};Database=queue_{Path.GetFileName(directory).Replace('-', '_')}")
            : builder.UseSqlite($"Data Source={Path.Combine(directory, "queue.db")};Pooling=False")
                .AddInterceptors(new SqliteConnectionSettings());
        Db = new FileDbFactory(builder.Options);
        await using (var db = await Db.CreateDbContextAsync()) await db.Database.MigrateAsync();
        Incidents = new IncidentService(Db, new PriorityMatrixService(Db), Events, Clock);
        Queue = new QueueService(Db, Incidents);
        await SeedOrganisationAsync();
        await SeedIncidentsAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var db = await Db.CreateDbContextAsync())
        {
            if (!db.Database.IsSqlite()) await db.Database.EnsureDeletedAsync();
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    /// <summary>The keys of incidents on a page, in order.</summary>
    public IReadOnlyList<string> Keys(QueuePage page) => page.Rows.Select(r => Ids.Single(i => i.Value == r.Id).Key).ToList();

    private async Task SeedOrganisationAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        var teams = new[] { "Network", "Database", "Applications" }.ToDictionary(n => n, n => new Team { Name = n, Description = n + " team" });
        db.Teams.AddRange(teams.Values);
        ApplicationUser User(string name, params string[] memberOf)
        {
            var user = new ApplicationUser { UserName = $"{name}@test.local", Email = $"{name}@test.local", DisplayName = name };
            user.Teams.AddRange(memberOf.Select(t => teams[t]));
            db.Users.Add(user);
            return user;
        }
        var me = User("Me", "Network", "Database");
        var colleague = User("Colleague", "Network");
        var outsider = User("Outsider", "Applications");
        var lonely = User("Lonely");
        var reporter = User("Reporter");
        var services = new[] { ("VPN", "Network"), ("Payroll", "Applications"), ("Backup", "Database") }
            .ToDictionary(s => s.Item1, s => new BusinessService { Name = s.Item1, Description = s.Item1 });
        db.Services.AddRange(services.Values);
        await db.SaveChangesAsync();
        // New incidents are routed to the team that supports their service.
        foreach (var (service, team) in new[] { ("VPN", "Network"), ("Payroll", "Applications"), ("Backup", "Database") })
            services[service].SupportTeamId = teams[team].Id;
        var network = new Category { Name = "Network" };
        var software = new Category { Name = "Software" };
        var categories = new Dictionary<string, Category>
        {
            ["Network"] = network, ["Software"] = software,
            ["Network/VPN"] = new() { Name = "VPN", Parent = network }, ["Network/DNS"] = new() { Name = "DNS", Parent = network },
            ["Software/Bug"] = new() { Name = "Bug", Parent = software },
        };
        db.Categories.AddRange(categories.Values);
        await db.SaveChangesAsync();

        foreach (var (name, team) in teams) Teams[name] = team.Id;
        foreach (var (name, service) in services) Services[name] = service.Id;
        foreach (var (name, category) in categories) Categories[name] = category.Id;
        Me = new Actor(me.Id, "Me", IsAgent: true, IsIncidentManager: false, IsAdmin: false);
        Colleague = new Actor(colleague.Id, "Colleague", true, false, false);
        Outsider = new Actor(outsider.Id, "Outsider", true, false, false);
        Lonely = new Actor(lonely.Id, "Lonely", true, false, false);
        Reporter = new Actor(reporter.Id, "Reporter", false, false, false);
    }

    private async Task SeedIncidentsAsync()
    {
        // Oldest first; priorities from impact × urgency (ITIL default matrix).
        await Report("vpn", "VPN drops every hour", "The tunnel closes and reconnects.", Impact.High, Urgency.Medium, "VPN", "Network/VPN"); // P2
        await Report("dns", "Name lookups fail", "Intranet pages do not resolve in the Berlin office.", Impact.Medium, Urgency.Medium, "VPN", "Network/DNS"); // P3
        await Report("payroll", "Payroll export broken", "The bank file is empty.", Impact.High, Urgency.High, "Payroll", "Software/Bug"); // P1
        await Report("backup", "Backup job slow", "Nightly run overlaps office hours.", Impact.Low, Urgency.Medium, "Backup", "Network"); // P4
        await Report("laptop", "Laptop fan loud", "Sounds like a jet engine.", Impact.Low, Urgency.Low, null, null); // P5
        await Report("cert", "Certificate warning on login page", "Browsers say the site is unsafe.", Impact.Medium, Urgency.Medium, "Payroll", "Software/Bug"); // P3
        await Report("printer", "Printer jams", "Paper_tray two: 100% jammed.", Impact.Low, Urgency.Low, null, null);
        await Report("oldvpn", "VPN client crashes", "Old VPN trouble.", Impact.Low, Urgency.Low, "VPN", "Network/VPN");
        await Report("dup", "VPN down again", "Same as before.", Impact.Low, Urgency.Low, "VPN", null);

        await Change("vpn", Me, new AssignIncident(Teams["Network"], Me.UserId), new StartWork());
        await Change("dns", Me, new AssignIncident(Teams["Network"], null));
        await Change("payroll", Outsider, new AssignIncident(Teams["Applications"], Outsider.UserId), new StartWork());
        await Change("backup", Me, new AssignIncident(Teams["Database"], Me.UserId), new StartWork(), new PutOnHold(OnHoldReason.AwaitingVendor));
        await Change("cert", Colleague, new AssignIncident(Teams["Network"], Colleague.UserId));
        await Change("printer", Me, new AssignIncident(Teams["Network"], Me.UserId), new ResolveIncident(ResolutionCode.Fixed, "Cleaned it.", null));
        await Change("oldvpn", Me, new AssignIncident(Teams["Network"], Me.UserId),
            new ResolveIncident(ResolutionCode.Fixed, "Reinstalled.", null), new CloseIncident());
        await Change("dup", Me, new CancelIncident("Duplicate"));
    }

    private async Task Report(string key, string title, string description, Impact impact, Urgency urgency, string? service, string? category)
    {
        Clock.Advance(TimeSpan.FromMinutes(10));
        var incident = await Incidents.ReportAsync(Reporter, new IncidentDraft(title, description, impact, urgency, IncidentSource.Portal,
            service is null ? null : Services[service], category is null ? null : Categories[category]));
        Ids[key] = incident.Id;
        Numbers[key] = incident.Number;
    }

    private async Task Change(string key, Actor actor, params IncidentCommand[] commands)
    {
        foreach (var command in commands)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Incidents.ChangeAsync(actor, Ids[key], null, command);
        }
    }

    private sealed class FileDbFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
