using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Teams;
using IncidentPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.DemoData;

/// <summary>Seeds <see cref="DemoOrganisation"/>. Idempotent: what exists already is left as it is.</summary>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopes, IOptions<DemoDataOptions> options, TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var teams = await SeedTeamsAsync(db, ct);
        var services = await SeedServicesAsync(db, teams, ct);
        var categories = await SeedCategoriesAsync(db, ct);
        var people = new Dictionary<string, ApplicationUser>();
        foreach (var person in DemoOrganisation.People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                var created = await accounts.RegisterReporterAsync(person.Name, person.Email, options.Value.Password, emailConfirmed: true);
                if (!created.Succeeded)
                    throw new InvalidOperationException($"Demo user {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                user = created.User!;
                await users.AddToRolesAsync(user, person.Roles);
                var member = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Id == user.Id, ct);
                member.Teams.AddRange(person.Teams.Select(t => teams[t]));
                await db.SaveChangesAsync(ct);
            }
            people[person.Email] = user;
        }

        if (!await db.Incidents.AnyAsync(ct)) await SeedIncidentsAsync(db, services, categories, people, teams, ct);
        logger.LogInformation("Demo data is in place.");
    }

    private static async Task<Dictionary<string, Team>> SeedTeamsAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Teams.ToDictionaryAsync(t => t.Name, ct);
        foreach (var (name, description) in DemoOrganisation.Teams.Where(t => !existing.ContainsKey(t.Name)))
            db.Teams.Add(existing[name] = new Team { Name = name, Description = description });
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task<Dictionary<string, BusinessService>> SeedServicesAsync(AppDbContext db, Dictionary<string, Team> teams, CancellationToken ct)
    {
        var existing = await db.Services.ToDictionaryAsync(s => s.Name, ct);
        foreach (var (name, description, team) in DemoOrganisation.Services.Where(s => !existing.ContainsKey(s.Name)))
            db.Services.Add(existing[name] = new BusinessService { Name = name, Description = description, SupportTeamId = teams[team].Id });
        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task<Dictionary<string, Category>> SeedCategoriesAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Categories.ToListAsync(ct);
        var byName = existing.ToDictionary(c => c.ParentId is null ? c.Name : $"{c.ParentId}/{c.Name}");
        var result = new Dictionary<string, Category>();
        foreach (var (name, subcategories) in DemoOrganisation.Categories)
        {
            if (!byName.TryGetValue(name, out var parent)) db.Categories.Add(parent = new Category { Name = name });
            await db.SaveChangesAsync(ct);
            foreach (var sub in subcategories)
            {
                if (!byName.TryGetValue($"{parent.Id}/{sub}", out var child))
                    db.Categories.Add(child = new Category { Name = sub, ParentId = parent.Id });
                result[sub] = child;
            }
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task SeedIncidentsAsync(AppDbContext db, Dictionary<string, BusinessService> services,
        Dictionary<string, Category> categories, Dictionary<string, ApplicationUser> people, Dictionary<string, Team> teams, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reporters = new[] { people["reporter@demo.local"], people["jo@demo.local"] };
        var members = await db.Users.Include(u => u.Teams).Where(u => u.Teams.Any()).OrderBy(u => u.Email).ToListAsync(ct);
        var number = 0;
        foreach (var seed in DemoOrganisation.Incidents)
        {
            number++;
            var created = now.AddDays(-seed.DaysAgo).AddHours(-(number % 7) - 1);
            var service = services[seed.Service];
            var incident = Incident.Report(number, seed.Title,
                $"{seed.Title}. Reported through the portal; see the activity for details.",
                reporters[number % 2].Id, seed.Impact, seed.Urgency, IncidentSource.Portal, created, service.Id, categories[seed.Category].Id);
            if (seed.Status != IncidentStatus.New)
            {
                var team = teams.Values.Single(t => t.Id == service.SupportTeamId);
                var assignee = members.FirstOrDefault(m => m.Teams.Any(t => t.Id == team.Id)) ?? people["admin@demo.local"];
                MoveTo(incident, seed.Status, team.Id, assignee.Id, created.AddHours(3));
            }
            db.Incidents.Add(incident);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void MoveTo(Incident incident, IncidentStatus target, int teamId, string assigneeId, DateTime when)
    {
        if (target == IncidentStatus.Cancelled) { incident.Cancel(); return; }
        incident.Assign(teamId, assigneeId);
        if (target == IncidentStatus.Assigned) return;
        incident.StartWork();
        if (target == IncidentStatus.OnHold) incident.PutOnHold();
        if (target is IncidentStatus.Resolved or IncidentStatus.Closed) incident.Resolve(when);
        if (target == IncidentStatus.Closed) incident.Close(when.AddDays(1));
    }
}
