using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>A template section as the admin page edits it.</summary>
public sealed record TemplateSectionInput(int? Id, string Title, string Prompt);

/// <summary>
/// The admin-editable review template: titles, prompts, order, and extra sections. Built-in sections can be renamed
/// and moved but not removed (their editors and drafting depend on them). Admins only.
/// </summary>
public sealed class ReviewTemplateService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ReviewTemplateSection>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReviewTemplateSections.AsNoTracking().OrderBy(t => t.Position).ToListAsync(ct);
    }

    /// <summary>Replaces the template with <paramref name="sections"/>, in that order. Sections without an Id are added.</summary>
    public async Task SaveAsync(Actor actor, IReadOnlyList<TemplateSectionInput> sections, CancellationToken ct = default)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ReviewTemplateSections.ToListAsync(ct);
        var keptIds = sections.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        foreach (var removed in existing.Where(e => !keptIds.Contains(e.Id)))
        {
            if (ReviewTemplateDefaults.IsBuiltIn(removed.Key))
                throw new ReviewRuleException($"\"{removed.Title}\" is a built-in section; it can be renamed but not removed.");
            db.ReviewTemplateSections.Remove(removed);
        }
        for (var i = 0; i < sections.Count; i++)
        {
            var input = sections[i];
            if (input.Id is { } id)
            {
                var section = existing.SingleOrDefault(e => e.Id == id) ?? throw new ReviewRuleException("That section was removed meanwhile; reload the page.");
                section.Edit(input.Title, input.Prompt);
                section.MoveTo(i);
            }
            else
            {
                db.ReviewTemplateSections.Add(ReviewTemplateSection.Create($"custom-{Guid.NewGuid():N}"[..15], input.Title, input.Prompt, i));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static void EnsureAdmin(Actor actor)
    {
        if (!actor.IsAdmin) throw new UnauthorizedAccessException("Only admins can change the review template.");
    }
}
