using System.Security.Cryptography;
using System.Text;

namespace IncidentPortal.Features.Integrations;

/// <summary>A freshly generated integration key: <see cref="Secret"/> is shown to the admin once, only the hash is kept.</summary>
public sealed record IssuedKey(string Secret, string Hash, string Prefix)
{
    public const string Marker = "ipk_";

    public static IssuedKey Generate()
    {
        var secret = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new IssuedKey(secret, HashOf(secret), secret[..(Marker.Length + 6)]);
    }

    /// <summary>
    /// Keys carry 256 random bits, so a plain SHA-256 is enough (no slow password hash is needed) and lets a request
    /// find its integration with one index lookup.
    /// </summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
