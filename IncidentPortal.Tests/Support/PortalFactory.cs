using System.Net;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Support;

/// <summary>
/// The whole app in memory, on its own SQLite file in a fresh temp folder (deleted on dispose).
/// Every setting the tests depend on is set here explicitly: under the factory the content root is the
/// project folder, so neither appsettings.json nor appsettings.Development.json (at the repo root) is loaded.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test!Pass123";

    private readonly Dictionary<string, string?> settings;
    private readonly TempDirectory? ownedDirectory;

    public PortalFactory() : this(new Dictionary<string, string?>()) { }

    /// <param name="overrides">Settings on top of <see cref="Defaults"/>, e.g. ["DemoData:Seed"] = "true".</param>
    /// <param name="dataDirectory">An existing folder the caller owns (to restart on the same data); by default a new temp folder.</param>
    public PortalFactory(IReadOnlyDictionary<string, string?> overrides, string? dataDirectory = null)
    {
        if (dataDirectory is null) ownedDirectory = new TempDirectory();
        DataDirectory = dataDirectory ?? ownedDirectory!.Path;
        settings = new(Defaults) { ["Database:DataDirectory"] = DataDirectory };
        foreach (var (key, value) in overrides) settings[key] = value;
    }

    /// <summary>Fast and predictable: no demo data, a rate limit the tests never reach, the app's own lockout rules.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = "",
        ["DemoData:Seed"] = "false",
        ["Accounts:AllowSelfRegistration"] = "true",
        ["Accounts:AdminEmail"] = "first.admin@portal.test",
        ["Accounts:AdminPassword"] = "",
        ["Accounts:SignInAttemptsPerWindow"] = "1000",
        ["Accounts:SignInWindowSeconds"] = "60",
        ["Accounts:MaxFailedAccessAttempts"] = "5",
        ["Accounts:LockoutMinutes"] = "15",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "incidentportal.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting lands in configuration before Program reads its options while building.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A cookie-keeping client that does not follow redirects; starts the app on first use.</summary>
    public PortalClient CreatePortalClient()
    {
        var cookies = new CookieContainer();
        var http = CreateDefaultClient(new CookieContainerHandler(cookies));
        return new PortalClient(http, cookies);
    }

    /// <summary>Signs in through the real login form and returns the client holding the auth cookie.</summary>
    public async Task<PortalClient> SignInAsync(string email, string password = Password)
    {
        var client = CreatePortalClient();
        using var response = await client.SubmitLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || !client.HasAuthCookie)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}, "
                + $"location {response.Headers.Location}, body: {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <summary>Creates a user with <see cref="Password"/> and the given roles, straight through UserManager.</summary>
    public Task<ApplicationUser> CreateUserAsync(string email, params string[] roles) => WithUsersAsync(async users =>
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = email.Split('@')[0],
            EmailConfirmed = true,
            CreatedAt = Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, Password), $"create {email}");
        if (roles.Length > 0) Check(await users.AddToRolesAsync(user, roles), $"add {email} to {string.Join(", ", roles)}");
        return user;
    });

    /// <summary>Runs <paramref name="work"/> with a UserManager from a fresh scope of the app's services.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>Runs <paramref name="work"/> on a new AppDbContext from the app's own factory.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private bool disposed;

    /// <summary>WebApplicationFactory's DisposeAsync ends here too, after the host has stopped.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !disposed)
        {
            disposed = true;
            ownedDirectory?.Dispose();
        }
    }
}
