using IncidentPortal.Features.Accounts;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Infrastructure.Data;

/// <summary>What the app's start-up leaves in its database file.</summary>
[Collection(PortalCollection.Name)]
public class DatabaseMigratorTests(SharedPortal portal)
{
    [Fact]
    public async Task The_app_database_is_in_WAL_mode()
    {
        _ = portal.Services; // starts the app, which migrates

        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = portal.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Start_up_applies_every_migration_and_seeds_the_four_roles()
    {
        _ = portal.Services;

        var pending = await portal.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        await using var scope = portal.Services.CreateAsyncScope();
        var roles = await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().Roles
            .Select(r => r.Name!).OrderBy(n => n).ToListAsync();
        Assert.Equal(Roles.All.Order(), roles);
    }
}
