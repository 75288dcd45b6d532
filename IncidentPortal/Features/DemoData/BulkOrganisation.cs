using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.DemoData;

/// <summary>The teams, people, services and categories bulk incidents are made from, and how one is made.</summary>
internal sealed class BulkOrganisation
{
    private sealed record TeamPeople(Named<int> Team, IReadOnlyList<Named<string>> Members);
    private sealed record ServiceInfo(int Id, string Name, int? SupportTeamId);

    private List<TeamPeople> teams = [];
    private Dictionary<int, TeamPeople> teamsById = [];
    private List<TeamPeople> staffedTeams = [];
    private List<ServiceInfo> services = [];
    private List<int> categories = [];
    private List<string> reporters = [];

    public static async Task<BulkOrganisation> LoadAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, Members = t.Members.OrderBy(m => m.Id).Select(m => new { m.Id, m.DisplayName }).ToList() })
            .ToListAsync(ct);
        var organisation = new BulkOrganisation
        {
            teams = teams.Select(t => new TeamPeople(new Named<int>(t.Id, t.Name),
                t.Members.Select(m => new Named<string>(m.Id, m.DisplayName)).ToList())).ToList(),
            services = await db.Services.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new ServiceInfo(s.Id, s.Name, s.SupportTeamId)).ToListAsync(ct),
            // Incidents are filed under subcategories, as the report form would.
            categories = await db.Categories.Where(c => c.IsActive && c.ParentId != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct),
            reporters = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct),
        };
        organisation.teamsById = organisation.teams.ToDictionary(t => t.Team.Id);
        organisation.staffedTeams = organisation.teams.Where(t => t.Members.Count > 0).ToList();
        if (organisation.teams.Count == 0 || organisation.services.Count == 0 || organisation.reporters.Count == 0)
            throw new InvalidOperationException(
                "Bulk incidents need teams, services and users to refer to. Seed the demo organisation first (DemoData:Seed=true).");
        return organisation;
    }

    public Incident Make(Random random, int number, DateTime created, DateTime now, double openShare)
    {
        var service = services[random.Next(services.Count)];
        int? category = categories.Count == 0 ? null : categories[random.Next(categories.Count)];
        var reporter = reporters[random.Next(reporters.Count)];
        var (title, description) = BulkIncidentText.Make(random, service.Name);
        var impact = Pick(random, (Impact.High, 8), (Impact.Medium, 30), (Impact.Low, 62));
        var urgency = Pick(random, (Urgency.High, 20), (Urgency.Medium, 45), (Urgency.Low, 35));
        var source = Pick(random, (IncidentSource.Portal, 70), (IncidentSource.Email, 15), (IncidentSource.Agent, 10), (IncidentSource.Monitoring, 5));
        var owner = service.SupportTeamId is { } supportTeam && teamsById.TryGetValue(supportTeam, out var found) ? found : null;
        // Routed to the service's support team on arrival, as IncidentService.ReportAsync does.
        var incident = Incident.Report(number, new IncidentDraft(title, description, impact, urgency, source, service.Id, category),
            reporter, new ChangeContext(reporter, created, ActorIsAgent: false), PriorityMatrix.ItilDefault, owner?.Team);

        var team = owner ?? teams[random.Next(teams.Count)];
        // A team nobody belongs to cannot work anything: the service desk (a staffed team) takes it, as it would.
        if (team.Members.Count == 0 && staffedTeams.Count > 0) team = staffedTeams[random.Next(staffedTeams.Count)];
        var agent = team.Members.Count == 0 ? null : team.Members[random.Next(team.Members.Count)];
        var age = now - created;
        var target = random.NextDouble() < openShare
            ? Pick(random, (IncidentStatus.New, 20), (IncidentStatus.Assigned, 35), (IncidentStatus.InProgress, 35), (IncidentStatus.OnHold, 10))
            : Pick(random, (IncidentStatus.Closed, 85), (IncidentStatus.Resolved, 8), (IncidentStatus.Cancelled, 7));
        if (target == IncidentStatus.Closed && age < TimeSpan.FromDays(4)) target = IncidentStatus.Resolved;
        // Resolved longer ago than the auto-close period (7 days by default) would have been closed by now: otherwise
        // the portal spends its first minute closing thousands of them.
        if (target == IncidentStatus.Resolved && age > TimeSpan.FromDays(6)) target = IncidentStatus.Closed;
        // Team-only assignment: in the team's queue, nobody has picked it up yet.
        if (target == IncidentStatus.Assigned && random.Next(2) == 0) agent = null;
        Walk(random, incident, target, team.Team, agent, created, age);
        return incident;
    }

    /// <summary>Moves the incident to <paramref name="target"/> the way an agent would, every step inside its age.</summary>
    private static void Walk(Random random, Incident incident, IncidentStatus target, Named<int> team, Named<string>? agent, DateTime created, TimeSpan age)
    {
        if (target == IncidentStatus.New) return;
        var span = TimeSpan.FromTicks(Math.Min(age.Ticks, TimeSpan.FromDays(5).Ticks));
        ChangeContext At(double fraction, bool isAgent = true) => new(agent?.Id, created + span * fraction, isAgent);
        if (target == IncidentStatus.Cancelled)
        {
            incident.Cancel(At(0.05), random.Next(2) == 0 ? "Duplicate of an earlier report" : "Raised by mistake");
            return;
        }
        incident.Assign(At(0.02), team, agent);
        if (target == IncidentStatus.Assigned) return;
        if (agent is not null)
        {
            incident.AddComment(At(0.04), "Thanks for reporting this. We are looking into it.", isPublic: true);
            incident.StartWork(At(0.05));
        }
        if (target == IncidentStatus.InProgress && agent is not null) return;
        if (target == IncidentStatus.OnHold && agent is not null)
        {
            incident.PutOnHold(At(0.1), Pick(random, (OnHoldReason.AwaitingUser, 60), (OnHoldReason.AwaitingVendor, 30), (OnHoldReason.AwaitingChange, 10)));
            return;
        }
        incident.Resolve(At(0.3), Pick(random, (ResolutionCode.Fixed, 70), (ResolutionCode.Workaround, 15), (ResolutionCode.UserError, 10),
            (ResolutionCode.NotReproducible, 5)), "Fixed the cause and confirmed with the reporter that it works again.", null);
        if (target == IncidentStatus.Closed) incident.Close(At(1.0, isAgent: false) with { ActorId = null });
    }

    private static T Pick<T>(Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }
}
