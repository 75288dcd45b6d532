using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IncidentPortal.Features.Webhooks;

/// <summary>
/// Generates endpoint secrets and keeps them encrypted at rest with the app's data-protection keys (the same keys
/// as the sign-in cookies), so a copy of the database alone does not let anyone forge deliveries.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("IncidentPortal.Webhooks.Secret.v1");

    /// <summary>32 random bytes, "whsec_" + hex: long enough for HMAC-SHA256, easy to copy.</summary>
    public static string Generate() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
