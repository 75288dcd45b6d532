using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Api.Keys;

/// <summary>A key as its owner's list shows it: never the secret.</summary>
public sealed record ApiKeyInfo(int Id, string Name, ApiKeyScope Scope, string DisplayPrefix, DateTime CreatedAt,
    DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A newly created key with its secret, shown to the owner once.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Secret);

/// <summary>Whom a presented secret belongs to, and what it may do.</summary>
public sealed record ApiKeyMatch(int KeyId, string UserId, ApiKeyScope Scope);

/// <summary>Creates, lists and revokes a user's own keys, and recognises a presented secret.</summary>
public sealed class ApiKeyService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Enough for every script a person runs; a cap keeps a leaked session from minting keys without end.</summary>
    public const int MaxActiveKeys = 20;

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == actor.UserId).ToListAsync(ct);
        return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).Select(Info).ToList();
    }

    /// <exception cref="ApiKeyRuleException">No name, an expiry in the past, or too many keys.</exception>
    public async Task<CreatedApiKey> CreateAsync(Actor actor, string? name, ApiKeyScope scope, DateTime? expiresAt, CancellationToken ct = default)
    {
        var now = Now;
        var (key, secret) = ApiKey.Create(actor.UserId, name, scope, expiresAt, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.ApiKeys.CountAsync(k => k.UserId == actor.UserId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        if (active >= MaxActiveKeys) throw new ApiKeyRuleException($"You already have {MaxActiveKeys} active keys. Revoke one you no longer use first.");
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(Info(key), secret);
    }

    /// <returns>False when the actor has no such key (someone else's keys are not theirs to revoke).</returns>
    public async Task<bool> RevokeAsync(Actor actor, int keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == actor.UserId, ct);
        if (key is null) return false;
        key.Revoke(Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The live key with this secret, or null (unknown, revoked or expired). Notes when it was last used.</summary>
    public async Task<ApiKeyMatch?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        var hash = ApiKey.HashOf(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Looked up by the hash of a 256-bit random secret: nothing to learn from timing.
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash, ct);
        var now = Now;
        if (key is null || !key.IsUsableAt(now)) return null;
        if (key.MarkUsed(now))
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* a last-used time is not worth failing the request */ }
        }
        return new ApiKeyMatch(key.Id, key.UserId, key.Scope);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static ApiKeyInfo Info(ApiKey k) =>
        new(k.Id, k.Name, k.Scope, k.DisplayPrefix, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt);
}
