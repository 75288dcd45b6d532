using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Admin.Support;

/// <summary>
/// The whole app in-process (WebApplicationFactory) on its own SQLite file in a temp folder, migrated and seeded
/// with the demo organisation, as Production. One per test class (IClassFixture): tests in a class share it, so each
/// test names what it creates uniquely (<see cref="Unique"/>).
/// To be replaced by the shared PortalFactory in IncidentPortal.Tests/Support when that lands on main.
/// </summary>
public sealed class AdminPortalFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "incidentportal-admin-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("DemoData:Seed", "true");
        builder.UseSetting("Accounts:SignInAttemptsPerWindow", "1000");
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<AppDbContext> DbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>The actor of a demo user, with their real id and roles, as <see cref="Actor.From"/> would build it.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
        var roles = await users.GetRolesAsync(user);
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    public Task<Actor> AdminAsync() => ActorAsync(DemoUsers.Admin);
    public Task<Actor> AgentAsync() => ActorAsync(DemoUsers.Agent);
    public Task<Actor> ManagerAsync() => ActorAsync(DemoUsers.Manager);
    public Task<Actor> ReporterAsync() => ActorAsync(DemoUsers.Reporter);

    /// <summary>A name no other test uses: "Prefix 1a2b3c".</summary>
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }
}

public static class DemoUsers
{
    public const string Password = "Demo!Pass1";
    public const string Reporter = "reporter@demo.local";
    public const string Agent = "agent@demo.local";
    public const string Manager = "manager@demo.local";
    public const string Admin = "admin@demo.local";
}
