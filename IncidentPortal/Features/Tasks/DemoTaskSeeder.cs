using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Tasks;

/// <summary>
/// A few tasks on the demo incidents (one overdue, one finished), so the workspace and My tasks show what they are for.
/// Runs after the demo data (registered later), and only while there are no tasks at all.
/// </summary>
internal sealed class DemoTaskSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IStartupSeeder
{
    /// <summary>Incident title, task, team, owner e-mail, hours from now until due (null: none), hours ago created, done.</summary>
    private static readonly (string Incident, string Task, string Team, string? Owner, int? DueInHours, int CreatedHoursAgo, bool Done)[] Tasks =
    [
        ("Web shop checkout returns error 500", "Roll back the payment gateway config", "Applications", "apps@demo.local", 3, 2, false),
        ("Web shop checkout returns error 500", "Check database locks on the orders table", "Database", "dana@demo.local", -1, 2, false),
        ("Web shop checkout returns error 500", "Tell the web shop owners when checkout is back", "Service Desk", null, null, 1, false),
        ("Wi-Fi drops every few minutes on floor 3", "Collect the MAC addresses of affected laptops", "Service Desk", "agent@demo.local", null, 20, true),
        ("Wi-Fi drops every few minutes on floor 3", "Replace access point AP-3F-02", "Network", "agent@demo.local", 26, 18, false),
        ("Suspicious login alerts for several users", "Force a password reset for the affected accounts", "Security", "sam@demo.local", 2, 1, false),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.IncidentTasks.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var teams = await db.Teams.Select(t => new TaskTeam(t.Id, t.Name, t.Members.Select(m => m.Id).ToList())).ToListAsync(ct);
        var people = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), ct);
        var creator = people.GetValueOrDefault("manager@demo.local").Id;
        foreach (var seed in Tasks)
        {
            var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Title == seed.Incident && IncidentLifecycle.OpenStatuses.Contains(i.Status), ct);
            var team = teams.FirstOrDefault(t => t.Name == seed.Team);
            if (incident is null || team is null) continue;
            // Created in the past, as it would have been, so a due time that has passed since is legitimately overdue.
            var by = new ChangeContext(creator, now.AddHours(-seed.CreatedHoursAgo), ActorIsAgent: true);
            var owner = seed.Owner is null ? default : people.GetValueOrDefault(seed.Owner);
            var task = IncidentTask.Create(incident.Id, new TaskInput(seed.Task, null, team.Id, owner.Id, seed.DueInHours is { } h ? now.AddHours(h) : null), team, by);
            db.IncidentTasks.Add(task);
            incident.RecordEvent(by, TaskText.Topic, TaskText.Added(seed.Task, seed.Team, owner.DisplayName, task.DueAt));
            if (seed.Done)
            {
                var done = by with { At = now.AddHours(-seed.CreatedHoursAgo / 2.0) };
                task.Complete(done, "Listed in the work notes");
                incident.RecordEvent(done, TaskText.Topic, TaskText.StatusChanged(seed.Task, IncidentTaskStatus.Open, IncidentTaskStatus.Done, task.CompletionNote));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
