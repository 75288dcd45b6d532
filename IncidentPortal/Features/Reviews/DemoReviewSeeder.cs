using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Reviews;

/// <summary>Demo data: a review in progress for the expired VPN certificate, so the review pages have something to show.</summary>
internal sealed class DemoReviewSeeder(IDbContextFactory<AppDbContext> dbFactory, ReviewService reviews) : IStartupSeeder
{
    public const string IncidentTitle = "VPN client certificate expired";

    private static readonly Dictionary<string, string> Texts = new()
    {
        [ReviewTemplateDefaults.Summary] = "The VPN client certificate expired at 08:30 UTC; nobody could connect from home for **2 h 10 min**. " +
            "Network issued a new certificate and pushed it to every laptop.",
        [ReviewTemplateDefaults.RootCause] = "**Five whys** — starting from: VPN connections failed.\n1. Why? The client certificate had expired.\n" +
            "2. Why? Nobody renewed it.\n3. Why? The renewal reminder went to a shared mailbox nobody reads.\n\n" +
            "**Root cause:** certificate renewals have no owner and no monitoring.",
        [ReviewTemplateDefaults.WentWell] = "- The service desk spotted the pattern within 15 minutes.\n- The new certificate rolled out without a restart.",
        [ReviewTemplateDefaults.WentBadly] = "- The first response target was breached.\n- Remote staff had no status page update for an hour.",
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.IncidentReviews.AnyAsync(ct)) return;
        var incidentId = await db.Incidents.Where(i => i.Title == IncidentTitle).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        var manager = await db.Users.Where(u => u.Email == "manager@demo.local").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (incidentId is null || manager is null) return;
        var actor = new Actor(manager.Id, manager.DisplayName, IsAgent: true, IsIncidentManager: true, IsAdmin: false);
        await reviews.StartAsync(actor, incidentId.Value, ct);
        var sections = await db.ReviewSections.Where(s => db.IncidentReviews.Any(r => r.Id == s.ReviewId && r.IncidentId == incidentId))
            .Select(s => new { s.Id, s.Key, s.Version }).ToListAsync(ct);
        foreach (var section in sections.Where(s => Texts.ContainsKey(s.Key)))
            await reviews.SaveSectionAsync(actor, section.Id, section.Version, Texts[section.Key], ct);
    }
}
