using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Admin.Support;

/// <summary>
/// <see cref="PortalFactory"/> (the app in memory on its own SQLite file) seeded with the demo organisation, whose
/// teams, services, categories, people and incidents the admin tests work against. One per test class
/// (IClassFixture): tests in a class share it, so each names what it creates uniquely (<see cref="Unique"/>).
/// </summary>
public sealed class AdminPortalFactory() : PortalFactory(new Dictionary<string, string?> { ["DemoData:Seed"] = "true" })
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<AppDbContext> DbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>The actor of a demo user, with their real id and roles, as <see cref="Actor.From"/> would build it.</summary>
    public Task<Actor> ActorAsync(string email) => WithUsersAsync(async users =>
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
        var roles = await users.GetRolesAsync(user);
        return new Actor(user.Id, user.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    });

    public Task<Actor> AdminAsync() => ActorAsync(DemoAccounts.Admin);
    public Task<Actor> AgentAsync() => ActorAsync(DemoAccounts.Agent);
    public Task<Actor> ManagerAsync() => ActorAsync(DemoAccounts.Manager);
    public Task<Actor> ReporterAsync() => ActorAsync(DemoAccounts.Reporter);

    /// <summary>Signs a demo user in through the real sign-in form.</summary>
    public Task<PortalClient> SignInDemoAsync(string email) => SignInAsync(email, DemoAccounts.Password);

    /// <summary>A name no other test uses: "Prefix 1a2b3c".</summary>
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>The demo organisation's accounts (Features/DemoData/DemoOrganisation.cs).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!Pass1";
    public const string Reporter = "reporter@demo.local";
    public const string Agent = "agent@demo.local";
    public const string Manager = "manager@demo.local";
    public const string Admin = "admin@demo.local";
}
