using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Benchmarks;

/// <summary>
/// The app's incident services over a benchmark database, wired by the app's own setup methods (so any database
/// tuning the app does applies here too), without a web server.
/// </summary>
internal sealed class BenchmarkPortal : IAsyncDisposable
{
    private readonly WebApplication app;

    private BenchmarkPortal(WebApplication app) => this.app = app;

    public QueueService Queue => app.Services.GetRequiredService<QueueService>();
    public IncidentService Incidents => app.Services.GetRequiredService<IncidentService>();
    public IDbContextFactory<AppDbContext> Db => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    public IServiceProvider Services => app.Services;

    public static BenchmarkPortal Open(string connectionString, string dataDirectory, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder([
            "--environment=Production",
            // A SQLite file ("Data Source=…"), or PostgreSQL for BENCH_POSTGRES (see README).
            $"--Database:Provider={(connectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? "Sqlite" : "Postgres")}",
            $"--Database:ConnectionString={connectionString}",
            $"--Database:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddEventBus();
        builder.AddDatabase();
        builder.AddIncidents();
        configure?.Invoke(builder);
        return new BenchmarkPortal(builder.Build());
    }

    /// <summary>A demo user as the services see them.</summary>
    public async Task<Actor> ActorAsync(string email, bool isAgent)
    {
        await using var db = await Db.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new Actor(user.Id, user.DisplayName, isAgent, IsIncidentManager: false, IsAdmin: false);
    }

    public async Task<int> ServiceIdAsync(string name)
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Services.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
