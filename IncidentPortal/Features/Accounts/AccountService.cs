using Microsoft.AspNetCore.Identity;

namespace IncidentPortal.Features.Accounts;

public sealed record RegistrationResult(bool Succeeded, ApplicationUser? User, IReadOnlyList<IdentityError> Errors);

/// <summary>Creates accounts so that every path (self-registration, admin, seeding) gives the same result.</summary>
public sealed class AccountService(UserManager<ApplicationUser> users, TimeProvider clock, ILogger<AccountService> logger)
{
    /// <summary>A new user is always a Reporter; other roles come from an admin.</summary>
    public async Task<RegistrationResult> RegisterReporterAsync(string name, string email, string password,
        bool emailConfirmed = false)
    {
        var user = new ApplicationUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = name.Trim(),
            EmailConfirmed = emailConfirmed,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new(false, null, created.Errors.ToList());

        var role = await users.AddToRoleAsync(user, Roles.Reporter);
        if (!role.Succeeded)
        {
            // Never leave an account without its base role behind.
            await users.DeleteAsync(user);
            return new(false, null, role.Errors.ToList());
        }
        logger.LogInformation("Account {Email} registered.", user.Email);
        return new(true, user, []);
    }
}
