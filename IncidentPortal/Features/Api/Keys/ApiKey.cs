using System.Security.Cryptography;
using System.Text;

namespace IncidentPortal.Features.Api.Keys;

/// <summary>What a key may do on top of its owner's own rights: never more than the owner may.</summary>
public enum ApiKeyScope { Read, ReadWrite }

/// <summary>
/// A personal API key. The secret is shown once when created; only its SHA-256 hash is stored (a random 256-bit
/// secret needs no slow hash), with a short prefix so the owner can tell keys apart.
/// </summary>
public class ApiKey
{
    public const string SecretPrefix = "ipa_";
    public const int MaxNameLength = 100;
    /// <summary>"ipa_" and the first eight characters of the random part.</summary>
    public const int DisplayPrefixLength = 12;

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ApiKeyScope Scope { get; private set; }
    public string DisplayPrefix { get; private set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private ApiKey() { }

    /// <returns>The key and its secret, which exists nowhere else once the caller has shown it.</returns>
    public static (ApiKey Key, string Secret) Create(string userId, string? name, ApiKeyScope scope, DateTime? expiresAt, DateTime now)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new ApiKeyRuleException("Give the key a name, so you can tell what uses it.");
        if (trimmed.Length > MaxNameLength) throw new ApiKeyRuleException($"The name can be at most {MaxNameLength} characters.");
        if (!Enum.IsDefined(scope)) throw new ApiKeyRuleException("Choose what the key may do.");
        if (expiresAt is { } expiry && expiry <= now) throw new ApiKeyRuleException("The expiry date must be in the future.");

        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            UserId = userId, Name = trimmed, Scope = scope, DisplayPrefix = secret[..DisplayPrefixLength],
            Hash = HashOf(secret), CreatedAt = now, ExpiresAt = expiresAt,
        };
        return (key, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsableAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>Recorded at most once a minute, so a busy script does not write on every request.</summary>
    public bool MarkUsed(DateTime now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1)) return false;
        LastUsedAt = now;
        return true;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Bad input for a key (no name, expiry in the past); the message is meant for the user.</summary>
public sealed class ApiKeyRuleException(string message) : InvalidOperationException(message);
