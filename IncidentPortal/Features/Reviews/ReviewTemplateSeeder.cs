using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>Gives a new installation the default review template (not demo data: every installation needs one).</summary>
public sealed class ReviewTemplateSeeder(IDbContextFactory<AppDbContext> dbFactory) : IStartupSeeder
{
    public static IEnumerable<ReviewTemplateSection> Defaults() =>
        ReviewTemplateDefaults.Sections.Select((s, i) => ReviewTemplateSection.Create(s.Key, s.Title, s.Prompt, i));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ReviewTemplateSections.AnyAsync(cancellationToken)) return;
        db.ReviewTemplateSections.AddRange(Defaults());
        await db.SaveChangesAsync(cancellationToken);
    }
}
