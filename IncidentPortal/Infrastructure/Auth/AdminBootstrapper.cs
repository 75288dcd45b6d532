using System.Security.Cryptography;
using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Infrastructure.Auth;

/// <summary>
/// A portal without an administrator cannot be administered: on first run, create one from configuration,
/// or with a generated password that is printed once to the console.
/// </summary>
internal sealed class AdminBootstrapper(IServiceScopeFactory scopes, IOptions<AccountOptions> options, ILogger<AdminBootstrapper> logger)
    : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;

        var email = options.Value.AdminEmail;
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.RegisterReporterAsync("Administrator", email, password!, emailConfirmed: true);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first administrator: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(result.User!, [Roles.Agent, Roles.IncidentManager, Roles.Admin]);
        logger.LogWarning("Created the first administrator account {Email}.", email);
        if (generated)
        {
            // Deliberately the console only, not the log: the password must not end up in log storage.
            Console.WriteLine($"""

                ================================================================
                 IncidentPortal: first administrator created
                   email:    {email}
                   password: {password}
                 This is shown once. Sign in and change it.
                ================================================================

                """);
        }
    }

    private static string GeneratePassword() =>
        // Meets Identity's rules (upper, lower, digit, symbol) by construction.
        "Ip-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y') + "7a";
}
