using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace IncidentPortal.Tests.Support;

/// <summary>A migrated SQLite file of its own, for service-level tests without the web host.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "incidentportal-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(folder);
        Options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "test.db")}")
            .AddInterceptors(new SqliteConnectionSettings())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        Factory = new PooledDbContextFactory<AppDbContext>(Options);
    }

    public DbContextOptions<AppDbContext> Options { get; }
    public IDbContextFactory<AppDbContext> Factory { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.Factory.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public async Task<ApplicationUser> AddUserAsync(string name)
    {
        await using var db = Factory.CreateDbContext();
        var user = new ApplicationUser { UserName = $"{name}@test.local", Email = $"{name}@test.local", DisplayName = name };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<BusinessService> AddServiceAsync(string name)
    {
        await using var db = Factory.CreateDbContext();
        var service = new BusinessService { Name = name, Description = name };
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        return ValueTask.CompletedTask;
    }
}
