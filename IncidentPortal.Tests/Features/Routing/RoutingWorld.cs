using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Catalog;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.Routing;
using IncidentPortal.Features.Teams;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.Routing;

/// <summary>
/// A small organisation in a real app (<see cref="PortalFactory"/>): teams Network and Database, service VPN (supported
/// by Network), service CRM (supported by Applications), categories Network › VPN, and an admin and a reporter.
/// </summary>
internal sealed class RoutingWorld
{
    public required PortalFactory App { get; init; }
    public required Actor Admin { get; init; }
    public required Actor Reporter { get; init; }
    public int Network { get; private set; }
    public string NetworkName { get; private set; } = "";
    public int Database { get; private set; }
    public int Applications { get; private set; }
    public int Vpn { get; private set; }
    public int Crm { get; private set; }
    public int NetworkCategory { get; private set; }
    public int VpnCategory { get; private set; }

    public IncidentService Incidents => App.Services.GetRequiredService<IncidentService>();
    public RoutingAdminService Rules => App.Services.GetRequiredService<RoutingAdminService>();
    public AutoAssignmentService AutoAssign => App.Services.GetRequiredService<AutoAssignmentService>();

    public static async Task<RoutingWorld> CreateAsync(PortalFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var admin = await app.CreateUserAsync($"admin-{tag}@portal.test", Roles.Agent, Roles.Admin);
        var reporter = await app.CreateUserAsync($"reporter-{tag}@portal.test");
        var world = new RoutingWorld
        {
            App = app,
            Admin = new Actor(admin.Id, admin.DisplayName, true, false, true),
            Reporter = new Actor(reporter.Id, reporter.DisplayName, false, false, false),
        };
        await app.WithDbAsync(async db =>
        {
            Team network = new() { Name = $"Network {tag}" }, database = new() { Name = $"Database {tag}" }, apps = new() { Name = $"Applications {tag}" };
            db.Teams.AddRange(network, database, apps);
            await db.SaveChangesAsync();
            BusinessService vpn = new() { Name = $"VPN {tag}", SupportTeamId = network.Id }, crm = new() { Name = $"CRM {tag}", SupportTeamId = apps.Id };
            db.Services.AddRange(vpn, crm);
            var parent = new Category { Name = $"Network {tag}" };
            var child = new Category { Name = "VPN", Parent = parent };
            db.Categories.AddRange(parent, child);
            await db.SaveChangesAsync();
            (world.Network, world.NetworkName, world.Database, world.Applications) = (network.Id, network.Name, database.Id, apps.Id);
            (world.Vpn, world.Crm, world.NetworkCategory, world.VpnCategory) = (vpn.Id, crm.Id, parent.Id, child.Id);
            return 0;
        });
        return world;
    }

    public async Task<Actor> AgentAsync(string name, int teamId, bool available)
    {
        var user = await App.CreateUserAsync($"{name}-{Guid.NewGuid():N}@portal.test", Roles.Agent);
        await App.WithDbAsync(async db =>
        {
            var member = await db.Users.Include(u => u.Teams).SingleAsync(u => u.Id == user.Id);
            member.Teams.Add(await db.Teams.SingleAsync(t => t.Id == teamId));
            return await db.SaveChangesAsync();
        });
        var actor = new Actor(user.Id, user.DisplayName, true, false, false);
        if (available) await AutoAssign.SetAvailableAsync(actor, true);
        return actor;
    }

    public static RoutingRuleInput RuleInput(string name, int teamId, string keywords = "", int[]? categories = null, int[]? services = null,
        Priority[]? priorities = null, Priority? raise = null, bool enabled = true) =>
        new(name, enabled, teamId, raise, categories ?? [], services ?? [], priorities ?? [], [], keywords);

    public Task<Incident> ReportAsync(string title, int? service = null, int? category = null, Impact impact = Impact.Low,
        Urgency urgency = Urgency.Low, IncidentService? through = null) =>
        (through ?? Incidents).ReportAsync(Reporter, new IncidentDraft(title, null, impact, urgency, IncidentSource.Portal, service, category));

    public Task<Incident> StoredAsync(int id) => App.WithDbAsync(db =>
        db.Incidents.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Id == id));
}
