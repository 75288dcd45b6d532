using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Watchers;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Mentions;

/// <summary>The people a mention can name: staff only, and only staff may ask (a reporter never sees who works here).</summary>
public sealed class MentionDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxSuggestions = 6;

    public async Task<IReadOnlyList<MentionCandidate>> SuggestAsync(Actor actor, string? partial, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents can mention colleagues.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var everyone = await StaffAsync(db, ct);
        var typed = (partial ?? "").Trim();
        return [.. everyone.Where(p => p.UserId != actor.UserId && Mentions.Matches(p, typed))
            .OrderByDescending(p => p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ThenBy(p => p.Name).Take(MaxSuggestions)];
    }

    /// <summary>Every member of staff (people, not system accounts), for finding the mentions in a saved text.</summary>
    public static async Task<List<MentionCandidate>> StaffAsync(AppDbContext db, CancellationToken ct)
    {
        var staff = Staff.Ids(db);
        return await db.Users.AsNoTracking().People().Where(u => staff.Contains(u.Id))
            .Select(u => new MentionCandidate(u.Id, u.DisplayName)).ToListAsync(ct);
    }
}
