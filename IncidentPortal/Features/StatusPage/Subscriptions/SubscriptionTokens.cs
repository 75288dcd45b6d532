using System.Security.Cryptography;
using System.Text;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

/// <summary>Unguessable link tokens (256 bits, URL-safe) and the hash stored in their place.</summary>
public static class SubscriptionTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
