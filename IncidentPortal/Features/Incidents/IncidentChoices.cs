using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Incidents;

public sealed record Choice<TId>(TId Id, string Name);

public sealed record CategoryChoice(int Id, string Name, IReadOnlyList<Choice<int>> Subcategories);

public sealed record TeamChoice(int Id, string Name, IReadOnlyList<Choice<string>> Members);

/// <summary>What the workspace's pickers offer. Inactive entries are listed only when the incident already uses them.</summary>
public sealed record IncidentChoiceLists(IReadOnlyList<Choice<int>> Services, IReadOnlyList<CategoryChoice> Categories,
    IReadOnlyList<TeamChoice> Teams)
{
    /// <summary>(top-level category, subcategory) for a stored category id, which may be either.</summary>
    public (int? Category, int? Subcategory) SplitCategory(int? categoryId)
    {
        if (categoryId is null) return (null, null);
        if (Categories.Any(c => c.Id == categoryId)) return (categoryId, null);
        var parent = Categories.FirstOrDefault(c => c.Subcategories.Any(s => s.Id == categoryId));
        return parent is null ? (null, null) : (parent.Id, categoryId);
    }

    public IReadOnlyList<Choice<string>> MembersOf(int? teamId) =>
        Teams.FirstOrDefault(t => t.Id == teamId)?.Members ?? [];

    public IEnumerable<TeamChoice> TeamsOf(string userId) => Teams.Where(t => t.Members.Any(m => m.Id == userId));

    public string ServiceName(int? id) => Services.FirstOrDefault(s => s.Id == id)?.Name ?? "none";

    public string CategoryName(int? categoryId, int? subcategoryId) =>
        Categories.FirstOrDefault(c => c.Id == categoryId) is { } c
            ? c.Name + (c.Subcategories.FirstOrDefault(s => s.Id == subcategoryId) is { } s ? " › " + s.Name : "")
            : "none";

    public string AssignmentName(int? teamId, string? assigneeId) =>
        Teams.FirstOrDefault(t => t.Id == teamId) is { } team
            ? team.Name + " / " + (team.Members.FirstOrDefault(m => m.Id == assigneeId)?.Name ?? "nobody")
            : "unassigned";
}

/// <summary>Loads the pickers' lists for the agents' workspace.</summary>
public sealed class IncidentChoices(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IncidentChoiceLists> LoadAsync(int? serviceInUse = null, int? categoryInUse = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive || s.Id == serviceInUse).OrderBy(s => s.Name)
            .Select(s => new Choice<int>(s.Id, s.Name)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.IsActive || c.Id == categoryInUse || c.Children.Any(child => child.Id == categoryInUse))
            .Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Members = t.Members.Where(m => !SystemAccounts.Ids.Contains(m.Id)).Select(m => new { m.Id, m.DisplayName }).ToList() })
            .ToListAsync(ct);

        var tree = categories.Where(c => c.ParentId is null).OrderBy(c => c.Name)
            .Select(c => new CategoryChoice(c.Id, c.Name, categories.Where(s => s.ParentId == c.Id).OrderBy(s => s.Name)
                .Select(s => new Choice<int>(s.Id, s.Name)).ToList()))
            .ToList();
        return new IncidentChoiceLists(services, tree, teams.Select(t => new TeamChoice(t.Id, t.Name,
            t.Members.OrderBy(m => m.DisplayName).Select(m => new Choice<string>(m.Id, m.DisplayName)).ToList())).ToList());
    }
}
