using IncidentPortal.Features.Problems;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.ActionItems;

/// <summary>
/// A few action items on demo incidents (one overdue, one done) and a problem record spawned from one, so the lists show
/// what they are for. Runs after the demo data, and only while there are no action items at all.
/// </summary>
internal sealed class DemoActionItemSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IStartupSeeder
{
    /// <summary>Incident title, item, team, owner e-mail, days until due (negative: overdue), priority, type, done, spawns a problem.</summary>
    private static readonly (string Incident, string Item, string Team, string Owner, int DueInDays, ActionItemPriority Priority, ActionItemType Type, bool Done, bool Problem)[] Seeds =
    [
        ("Web shop checkout returns error 500", "Alert when checkout errors exceed 1% for 5 minutes", "Applications", "apps@demo.local", 6, ActionItemPriority.High, ActionItemType.Detect, false, false),
        ("Web shop checkout returns error 500", "Find why the orders table locks under load", "Database", "dana@demo.local", -3, ActionItemPriority.High, ActionItemType.Prevent, false, true),
        ("Web shop checkout returns error 500", "Add a feature flag to fall back to the old payment gateway", "Applications", "apps@demo.local", 20, ActionItemPriority.Medium, ActionItemType.Mitigate, false, false),
        ("Suspicious login alerts for several users", "Require MFA for all remote logins", "Security", "sam@demo.local", 30, ActionItemPriority.High, ActionItemType.Prevent, false, false),
        ("Suspicious login alerts for several users", "Write the account-compromise runbook", "Security", "sam@demo.local", -1, ActionItemPriority.Medium, ActionItemType.Process, true, false),
        ("Wi-Fi drops every few minutes on floor 3", "Nightly check of access point firmware versions", "Database", "dana@demo.local", 10, ActionItemPriority.Low, ActionItemType.Detect, false, false),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ActionItems.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var created = now.AddDays(-7); // as if written at last week's review, so past due dates are legitimately overdue
        var teams = await db.Teams.Select(t => new ActionItemTeam(t.Id, t.Name, t.Members.Select(m => m.Id).ToList())).ToListAsync(ct);
        var people = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        var creator = people.GetValueOrDefault("manager@demo.local");
        foreach (var seed in Seeds)
        {
            var incidentId = await db.Incidents.Where(i => i.Title == seed.Incident).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            var team = teams.FirstOrDefault(t => t.Name == seed.Team);
            if (incidentId is null || team is null || !people.TryGetValue(seed.Owner, out var owner) || !team.MemberIds.Contains(owner)) continue;
            var item = ActionItem.Create(incidentId.Value, null, new ActionItemInput(seed.Item, team.Id, owner, now.Date.AddDays(seed.DueInDays),
                seed.Priority, seed.Type), team, creator, created.AddDays(Math.Min(0, seed.DueInDays)));
            db.ActionItems.Add(item);
            if (seed.Done) item.MoveTo(ActionItemStatus.Done, now.AddDays(-1));
            if (!seed.Problem) continue;
            var problem = Problem.Create(new ProblemInput(seed.Item, "Checkout failures line up with lock waits on the orders table during the nightly export.",
                null, "Pause the nightly export while checkout is busy."), owner, now.AddDays(-2));
            problem.Edit(new ProblemInput(problem.Title, problem.Description, "The export holds a table lock for its whole run.", problem.Workaround), now.AddDays(-1));
            problem.MoveTo(ProblemStatus.KnownError, now.AddDays(-1));
            db.Problems.Add(problem);
            await db.SaveChangesAsync(ct);
            problem.Link(incidentId.Value, creator, now.AddDays(-2));
            item.SpawnedProblem(problem.Id, now.AddDays(-2));
        }
        await db.SaveChangesAsync(ct);
    }
}
