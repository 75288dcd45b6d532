using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Accounts;

public sealed record UserOption(string Id, string Name, string Email)
{
    public string Label => $"{Name} ({Email})";
}

/// <summary>Finds people by name or email, for agents picking a caller. Staff only: it lists other users.</summary>
public sealed class UserDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UserOption>> SearchAsync(Actor actor, string? term, int take = 20, CancellationToken ct = default)
    {
        if (!actor.IsStaff) throw new UnauthorizedAccessException("Only agents can look people up.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking().People();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var pattern = $"%{term.Trim()}%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern) || EF.Functions.Like(u.Email!, pattern));
        }
        return await users.OrderBy(u => u.DisplayName).Take(take)
            .Select(u => new UserOption(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
    }
}
