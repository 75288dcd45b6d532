using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentPortal.Features.Admin.Users;

/// <summary>
/// The set-password link of an invitation: valid for <see cref="Lifetime"/> on the portal's clock (Identity's own
/// provider reads the system clock and lives a day), for one user and purpose, and only once — setting the password
/// changes the security stamp the token is bound to.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "Invitation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector protector = protection.CreateProtector("IncidentPortal.Invitation");

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var payload = string.Join('\n', clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), user.Id, purpose, await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return false;
        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        return age >= TimeSpan.Zero && age <= Lifetime && parts[1] == user.Id && parts[2] == purpose
               && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);
}
