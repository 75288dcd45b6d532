using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Time;

public enum TimeZoneChange { Saved, Unknown, NoUser, AlreadySet }

/// <summary>Reads and stores each person's time zone (the profile setting; first filled from their browser).</summary>
public sealed class UserTimeZones(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The stored zone id, or null when the person has none yet.</summary>
    public async Task<string?> GetIdAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Each person's zone (UTC for people without one), for texts written per recipient.</summary>
    public static async Task<Dictionary<string, TimeZoneInfo>> ForUsersAsync(AppDbContext db, IReadOnlyCollection<string> userIds,
        CancellationToken ct = default)
    {
        var rows = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.TimeZoneId }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => TimeZones.OrUtc(r.TimeZoneId));
    }

    /// <summary>Stores the zone the person chose on their profile.</summary>
    public Task<TimeZoneChange> SetAsync(string userId, string? zoneId, CancellationToken ct = default) =>
        StoreAsync(userId, zoneId, onlyIfUnset: false, ct);

    /// <summary>Stores the browser's zone unless the person already has one (a choice on the profile wins).</summary>
    public Task<TimeZoneChange> DetectedAsync(string userId, string? zoneId, CancellationToken ct = default) =>
        StoreAsync(userId, zoneId, onlyIfUnset: true, ct);

    private async Task<TimeZoneChange> StoreAsync(string userId, string? zoneId, bool onlyIfUnset, CancellationToken ct)
    {
        if (TimeZones.Normalize(zoneId) is not { } id) return TimeZoneChange.Unknown;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.Where(u => u.Id == userId);
        if (onlyIfUnset) query = query.Where(u => u.TimeZoneId == null);
        var changed = await query.ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, id), ct);
        if (changed == 1) return TimeZoneChange.Saved;
        return await db.Users.AnyAsync(u => u.Id == userId, ct) ? TimeZoneChange.AlreadySet : TimeZoneChange.NoUser;
    }
}
