using IncidentPortal.Features.Accounts;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.MajorIncidents;

/// <summary>
/// Demo data: an ongoing major incident (the web shop checkout failing) with roles, a war-room log, a bridge, a
/// stakeholder team and two linked reports, so a new user sees the feature on first run.
/// </summary>
internal sealed class DemoMajorIncidentSeeder(IDbContextFactory<AppDbContext> dbFactory, MajorIncidentService majors) : IStartupSeeder
{
    public const string IncidentTitle = "Web shop checkout returns error 500";
    public static readonly string[] ChildTitles = ["Web shop payment provider timeout", "Web shop search shows no results"];

    public async Task SeedAsync(CancellationToken ct)
    {
        Dictionary<string, int> incidents;
        Dictionary<string, (string Id, string Name)> people;
        int? stakeholderTeam;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.MajorIncidents.AnyAsync(ct)) return;
            string[] titles = [IncidentTitle, .. ChildTitles];
            incidents = await db.Incidents.Where(i => titles.Contains(i.Title)).GroupBy(i => i.Title)
                .Select(g => new { Title = g.Key, Id = g.Min(i => i.Id) }).ToDictionaryAsync(i => i.Title, i => i.Id, ct);
            string[] emails = ["manager@demo.local", "admin@demo.local", "agent@demo.local", "apps@demo.local"];
            people = await db.Users.Where(u => emails.Contains(u.Email!))
                .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), ct);
            stakeholderTeam = await db.Teams.Where(t => t.Name == "Service Desk").Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        }
        if (!incidents.TryGetValue(IncidentTitle, out var parentId) || people.Count < 4) return;

        var (managerId, managerName) = people["manager@demo.local"];
        var manager = new Actor(managerId, managerName, IsAgent: true, IsIncidentManager: true, IsAdmin: false);
        var id = await majors.DeclareAsync(manager, parentId, Severity.Sev1, managerId,
            "Customers cannot pay in the web shop: every checkout fails.", ct);
        await majors.AssignRoleAsync(manager, id, ResponseRole.CommunicationsLead, people["admin@demo.local"].Id, ct);
        await majors.AssignRoleAsync(manager, id, ResponseRole.Scribe, people["agent@demo.local"].Id, ct);
        await majors.AssignRoleAsync(manager, id, ResponseRole.Responder, people["apps@demo.local"].Id, ct);
        await majors.SetBridgeAsync(manager, id, "https://meet.example.com/web-shop-bridge", ct);
        await majors.PostAsync(manager, id, LogEntryKind.Fact, "Checkout errors started at 09:12, right after the payment library update.", ct);
        await majors.PostAsync(manager, id, LogEntryKind.Decision, "Roll the payment library back to 4.2 while the vendor investigates.", ct);
        await majors.PostAsync(manager, id, LogEntryKind.Note, "Rollback build is running; about 15 minutes.", ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var fact = await db.MajorIncidentLog.Where(e => e.Kind == LogEntryKind.Fact && EF.Property<int>(e, "MajorIncidentId") == id)
                .Select(e => e.Id).FirstAsync(ct);
            await majors.PinAsync(manager, id, fact, true, ct);
        }
        var children = ChildTitles.Where(incidents.ContainsKey).Select(t => incidents[t]).ToList();
        if (children.Count > 0) await majors.LinkAsync(manager, id, children, ct);
        if (stakeholderTeam is { } team) await majors.AddStakeholderAsync(manager, id, null, team, ct);
    }
}
