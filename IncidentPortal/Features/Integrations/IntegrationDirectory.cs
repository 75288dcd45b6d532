using System.Collections.Concurrent;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Integrations;

/// <summary>An enabled integration as an ingest request sees it: settings plus the name of its team.</summary>
public sealed record ActiveIntegration(AlertIntegration Settings, string TeamName)
{
    public int Id => Settings.Id;
}

/// <summary>
/// Finds the integration a key belongs to. Every ingest request asks, so answers are cached briefly by key hash;
/// changes made through <see cref="IntegrationAdminService"/> clear the cache at once (other app instances see
/// them within <see cref="CacheFor"/>).
/// </summary>
public sealed class IntegrationDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (ActiveIntegration? Integration, DateTimeOffset Until)> cache = new();

    /// <summary>The enabled integration with this key, or null for an unknown or disabled key.</summary>
    public async Task<ActiveIntegration?> FindAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) return null;
        var hash = IssuedKey.HashOf(key.Trim());
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(hash, out var cached) && cached.Until > now) return cached.Integration;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.AlertIntegrations.AsNoTracking()
            .Where(i => i.KeyHash == hash && i.IsEnabled)
            .Select(i => new { Integration = i, Team = db.Teams.Where(t => t.Id == i.TeamId).Select(t => t.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        var active = found is null ? null : new ActiveIntegration(found.Integration, found.Team ?? "");
        // Unknown keys are cached too, so a client hammering with a wrong key costs no queries.
        if (cache.Count > 10_000) cache.Clear();
        cache[hash] = (active, now + CacheFor);
        return active;
    }

    public void Forget() => cache.Clear();
}
