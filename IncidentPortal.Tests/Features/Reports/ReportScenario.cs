using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Sla;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Tests.Features.Reports;

/// <summary>
/// Hand-timed incidents for the Reports fixtures, on a service of their own (so the demo incidents never enter a
/// figure). They are built through the incident's own rules at the given instants and stored directly, so the save
/// hooks do not run: <see cref="SaveAsync"/> writes their SLA clocks as the hook would, on the default policy
/// (P1/P2 around the clock, P3–P5 Mon–Fri 09:00–17:00 Europe/London), computed at the host's clock.
/// </summary>
internal sealed class ReportScenario(IncidentTestHost host, int serviceId, string reporterId, Actor agent, Actor manager,
    Named<int> serviceDesk, Named<int> network)
{
    public int ServiceId => serviceId;
    public Actor Agent => agent;
    public Actor Manager => manager;
    public Named<int> ServiceDesk => serviceDesk;
    public Named<int> Network => network;
    public Named<string> AgentName => new(agent.UserId, agent.Name);
    public Named<string> ManagerName => new(manager.UserId, manager.Name);

    /// <summary>The scenario on service <paramref name="serviceName"/>; <c>Fresh</c> is false when an earlier test already stored it.</summary>
    public static async Task<(ReportScenario Scenario, bool Fresh)> OnServiceAsync(IncidentTestHost host, string serviceName)
    {
        await using var db = await host.DbAsync();
        var service = await db.Services.FirstOrDefaultAsync(s => s.Name == serviceName);
        var fresh = service is null;
        if (service is null)
        {
            service = db.Services.Add(new BusinessService { Name = serviceName, Description = "Reports fixture" }).Entity;
            await db.SaveChangesAsync();
        }
        var agent = await host.ActorAsync(DemoEmails.Agent);
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var reporter = (await host.ActorAsync(DemoEmails.Reporter)).UserId;
        var desk = new Named<int>(await host.TeamIdAsync("Service Desk"), "Service Desk");
        var network = new Named<int>(await host.TeamIdAsync("Network"), "Network");
        return (new ReportScenario(host, service.Id, reporter, agent, manager, desk, network), fresh);
    }

    public ChangeContext By(DateTime at, bool isAgent = true) => new(isAgent ? agent.UserId : reporterId, at, isAgent);

    /// <summary>Low impact and urgency give P5, medium and medium P3, high impact and medium urgency P2.</summary>
    public Incident New(int number, DateTime at, Impact impact = Impact.Low, Urgency urgency = Urgency.Low) =>
        Incident.Report(number, new IncidentDraft($"Fixture {number}", "", impact, urgency, IncidentSource.Portal, serviceId, null),
            reporterId, By(at, isAgent: false), PriorityMatrix.ItilDefault);

    /// <summary>Reported, then assigned to the Service Desk and <paramref name="who"/> and worked on at <paramref name="respondedAt"/>.</summary>
    public Incident Taken(int number, DateTime at, DateTime respondedAt, Named<int>? team = null, Named<string>? who = null,
        Impact impact = Impact.Low, Urgency urgency = Urgency.Low)
    {
        var incident = New(number, at, impact, urgency);
        incident.Assign(By(respondedAt), team ?? serviceDesk, who ?? AgentName);
        incident.StartWork(By(respondedAt));
        return incident;
    }

    public void Resolve(Incident incident, DateTime at) => incident.Resolve(By(at), ResolutionCode.Fixed, "Done", null);

    /// <summary>Stores the incidents, then their SLA clocks from their history.</summary>
    public async Task SaveAsync(params Incident[] incidents)
    {
        await using var db = await host.DbAsync();
        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync();
        await WriteClocksAsync(db, incidents);
    }

    /// <summary>
    /// A later change, made as the incident service makes it: the incident loaded with its team and assignee, so a
    /// reassignment records whom it replaced. The clocks are recomputed from the whole history.
    /// </summary>
    public async Task ChangeAsync(int number, Action<Incident> change)
    {
        await using var db = await host.DbAsync();
        var incident = await db.Incidents.Include(i => i.AssignmentGroup).Include(i => i.Assignee).SingleAsync(i => i.Number == number);
        change(incident);
        await db.SaveChangesAsync();
        await WriteClocksAsync(db, [incident]);
    }

    private async Task WriteClocksAsync(IncidentPortal.Infrastructure.Data.AppDbContext db, IEnumerable<Incident> incidents)
    {
        var policy = await SlaPolicies.ForServiceAsync(db, serviceId, CancellationToken.None) ?? throw new InvalidOperationException("No SLA policy.");
        var now = host.Clock.GetUtcNow().UtcDateTime;
        foreach (var incident in incidents)
        {
            var history = await db.IncidentActivities.AsNoTracking().Where(a => a.IncidentId == incident.Id).ToListAsync();
            var clocks = await SlaClockWriter.ClocksAsync(db, incident.Id, CancellationToken.None);
            SlaClockWriter.Write(incident, clocks, c => db.SlaClocks.Add(c).Entity, SlaFacts.From(incident, history), policy, now, null);
        }
        await db.SaveChangesAsync();
    }

    public async Task<string> UserIdAsync(string email) => (await host.ActorAsync(email)).UserId;
}
