using System.Security.Cryptography;
using System.Text;

namespace IncidentPortal.Features.Webhooks;

/// <summary>
/// The X-IncidentPortal-Signature header: "sha256=" + lowercase hex of HMAC-SHA256(secret, "{timestamp}.{body}").
/// The timestamp (Unix seconds, also sent as X-IncidentPortal-Timestamp) is signed too, so a captured request
/// cannot be replayed later: receivers reject timestamps older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does (and what the README shows): recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string? timestampHeader, string body, string? signatureHeader)
    {
        if (!long.TryParse(timestampHeader, out var timestamp) || signatureHeader is null) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
