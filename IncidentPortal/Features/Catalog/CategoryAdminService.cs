using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Catalog;

/// <summary>A category or subcategory; <see cref="IncidentCount"/> counts the incidents filed under it.</summary>
public sealed record CategoryRow(int Id, string Name, int? ParentId, bool IsActive, int IncidentCount);

/// <summary>A top-level category with its subcategories (one level only).</summary>
public sealed record CategoryTree(CategoryRow Category, IReadOnlyList<CategoryRow> Subcategories);

/// <summary>
/// What admins do to incident categories. Names are unique among siblings (ignoring case). A category that is in
/// use, or has subcategories, is deactivated rather than deleted, so old incidents keep their category.
/// </summary>
public sealed class CategoryAdminService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NameField = "Name";

    public async Task<List<CategoryTree>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new CategoryRow(c.Id, c.Name, c.ParentId, c.IsActive, db.Incidents.Count(i => i.CategoryId == c.Id)))
            .ToListAsync(ct);
        var children = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId);
        return rows.Where(r => r.ParentId is null)
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new CategoryTree(r, children[r.Id].OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList()))
            .ToList();
    }

    /// <summary>Adds a category, or with <paramref name="parentId"/> a subcategory of that (top-level) category.</summary>
    public async Task<AdminResult> CreateAsync(Actor actor, int? parentId, string name, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (parentId is { } id)
        {
            var parent = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (parent is null) return Gone;
            if (parent.ParentId is not null) return AdminResult.Refused("Subcategories cannot have subcategories of their own.");
        }
        var category = new Category { Name = ReferenceNames.Clean(name), ParentId = parentId };
        if (await NameProblemAsync(db, category, ct) is { } problem) return problem;
        db.Categories.Add(category);
        return await SaveAsync(db, category, ct);
    }

    public async Task<AdminResult> RenameAsync(Actor actor, int categoryId, string name, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return Gone;
        category.Name = ReferenceNames.Clean(name);
        if (await NameProblemAsync(db, category, ct) is { } problem) return problem;
        return await SaveAsync(db, category, ct);
    }

    /// <summary>
    /// An inactive category leaves the forms; its subcategories go with it (they stay marked active, so
    /// reactivating the parent brings them back as they were).
    /// </summary>
    public async Task<AdminResult> SetActiveAsync(Actor actor, int categoryId, bool active, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.Include(c => c.Parent).Include(c => c.Children).SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return Gone;
        category.IsActive = active;
        await db.SaveChangesAsync(ct);
        string? notice = null;
        if (active && category.Parent is { IsActive: false } parent)
            notice = $"{category.Name} stays hidden from forms until {parent.Name} is reactivated too.";
        else if (!active && category.Children.Count(c => c.IsActive) is > 0 and var hidden)
            notice = $"Its {Infrastructure.Text.Plural.Count(hidden, "active subcategory", "active subcategories")} {Infrastructure.Text.Plural.Verb(hidden)} hidden from forms too.";
        return AdminResult.Done(categoryId, notice);
    }

    /// <summary>Deletes a category that no incident uses and that has no subcategories; anything else is deactivated instead.</summary>
    public async Task<AdminResult> DeleteAsync(Actor actor, int categoryId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.Include(c => c.Children).Include(c => c.Parent).SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return Gone;
        var incidents = await db.Incidents.CountAsync(i => i.CategoryId == categoryId, ct);
        if (incidents > 0)
            return AdminResult.Refused($"{category.FullName} cannot be deleted: {Infrastructure.Text.Plural.Count(incidents, "incident")} {Infrastructure.Text.Plural.Verb(incidents)} filed under it. " +
                "Deactivate it instead: it leaves the forms and old incidents keep it.");
        if (category.Children.Count > 0)
            return AdminResult.Refused($"{category.FullName} cannot be deleted while it has subcategories. Delete those first, or deactivate it.");
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(categoryId);
    }

    private static async Task<AdminResult?> NameProblemAsync(AppDbContext db, Category category, CancellationToken ct)
    {
        var siblings = await db.Categories.Where(c => c.ParentId == category.ParentId && c.Id != category.Id)
            .Select(c => c.Name).ToListAsync(ct);
        var parentName = category.ParentId is { } parentId
            ? await db.Categories.Where(c => c.Id == parentId).Select(c => c.Name).SingleAsync(ct)
            : null;
        return ReferenceNames.Problem(category.Name, parentName is null ? "category" : "subcategory", siblings, parentName) is { } problem
            ? AdminResult.Invalid(NameField, problem)
            : null;
    }

    private static Task<AdminResult> SaveAsync(AppDbContext db, Category category, CancellationToken ct) =>
        AdminResult.SaveAsync(db, () => category.Id, AdminResult.Invalid(NameField, $"There is already a category called \"{category.Name}\" at this level."), ct);

    private static readonly AdminResult Gone = AdminResult.Refused("That category no longer exists; someone else deleted it.");
}
