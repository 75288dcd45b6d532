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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var index = 0;
        foreach (var seed in DemoOrganisation.Incidents)
        {
            index++;
            var reporter = reporters[index % 2];
            var created = now.AddDays(-seed.DaysAgo).AddHours(-(index % 7) - 1);
            var service = services[seed.Service];
            var draft = new IncidentDraft(seed.Title, $"{seed.Title}. It started about an hour before I reported it.",
                seed.Impact, seed.Urgency, IncidentSource.Portal, service.Id, categories[seed.Category].Id);
            var team = teams.Values.Single(t => t.Id == service.SupportTeamId);
            var incident = Incident.Report(await IncidentNumbers.NextAsync(db, ct), draft, reporter.Id,
                new ChangeContext(reporter.Id, created, ActorIsAgent: false), PriorityMatrix.ItilDefault, new Named<int>(team.Id, team.Name));
            if (seed.Status != IncidentStatus.New)
            {
                var agent = members.FirstOrDefault(m => m.Teams.Any(t => t.Id == team.Id)) ?? people["admin@demo.local"];
                MoveTo(incident, seed.Status, new Named<int>(team.Id, team.Name), new Named<string>(agent.Id, agent.DisplayName),
                    new ChangeContext(agent.Id, created.AddMinutes(40), ActorIsAgent: true));
            }
            db.Incidents.Add(incident);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Walks an incident through the lifecycle as an agent would, so its timeline is believable.</summary>
    private static void MoveTo(Incident incident, IncidentStatus target, Named<int> team, Named<string> agent, ChangeContext by)
    {
        ChangeContext Later(int minutes) => by with { At = by.At.AddMinutes(minutes) };
        if (target == IncidentStatus.Cancelled) { incident.Cancel(by, "Duplicate of an earlier report"); return; }
        incident.Assign(by, team, agent);
        incident.AddComment(Later(5), "Thanks for reporting this. We are looking into it.", isPublic: true);
        if (target == IncidentStatus.Assigned) return;
        incident.StartWork(Later(10));
        incident.AddComment(Later(20), "Checked the logs; narrowing it down.", isPublic: false);
        if (target == IncidentStatus.OnHold) incident.PutOnHold(Later(30), OnHoldReason.AwaitingUser);
        if (target is IncidentStatus.Resolved or IncidentStatus.Closed)
            incident.Resolve(Later(90), ResolutionCode.Fixed, "Fixed the configuration and confirmed it works again.", null);
        if (target == IncidentStatus.Closed) incident.Close(Later(60 * 24 * 3));
    }
}
