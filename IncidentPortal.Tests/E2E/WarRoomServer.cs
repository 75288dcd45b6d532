using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Tests.E2E.Harness;
using IncidentPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.E2E;

/// <summary>
/// The war room tests' own portal: SEV1 expects an update every 20 seconds and the reminder looks every second, so a
/// missed update is observable in a test (the shared server keeps the real rhythm). Major incidents are set up through
/// the real services of a second app instance on the same database, as a second node of the portal would.
/// </summary>
public sealed class WarRoomServer : IAsyncLifetime
{
    public static readonly TimeSpan Sev1Cadence = TimeSpan.FromSeconds(20);

    private PortalFactory? node;

    public PortalServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        Server.ExtraEnvironment["MajorIncidents__Severities__Sev1__Meaning"] = "Critical service down for many users";
        Server.ExtraEnvironment["MajorIncidents__Severities__Sev1__UpdateEvery"] = Sev1Cadence.ToString("c");
        Server.ExtraEnvironment["MajorIncidents__ReminderCheckInterval"] = "00:00:01";
        await Server.StartAsync();
        node = new PortalFactory(new Dictionary<string, string?>
        {
            ["MajorIncidents:Reminders"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Server.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:FromAddress"] = "status@portal.test",
        }, Server.DataDirectory);
        _ = node.Services; // starts it
    }

    public async Task DisposeAsync()
    {
        if (node is not null) await node.DisposeAsync();
        await Server.DisposeAsync();
    }

    public MajorIncidentService Majors => Services.GetRequiredService<MajorIncidentService>();

    private IServiceProvider Services => node?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task<Actor> ActorAsync(PortalUser user)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var person = await db.Users.SingleAsync(u => u.Email == user.Email);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id select r.Name).ToListAsync();
        return new Actor(person.Id, person.DisplayName, roles.Contains(Roles.Agent), roles.Contains(Roles.IncidentManager), roles.Contains(Roles.Admin));
    }

    /// <summary>Reports an incident on the VPN service as <paramref name="reporter"/>.</summary>
    public async Task<Incident> ReportAsync(PortalUser reporter, string title)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var vpn = await db.Services.SingleAsync(s => s.Name == "VPN");
        return await Services.GetRequiredService<IncidentService>().ReportAsync(await ActorAsync(reporter),
            new IncidentDraft(title, "Reported for the war room tests.", Impact.High, Urgency.High, IncidentSource.Portal, vpn.Id, null));
    }

    /// <summary>A manager declares a major incident on a fresh incident, with a commander and maybe a communications lead.</summary>
    public async Task<(int Id, Incident Incident)> DeclareAsync(string title, Severity severity, PortalUser commander, PortalUser? communicationsLead = null)
    {
        var manager = await ActorAsync(DemoUsers.Manager);
        var incident = await ReportAsync(DemoUsers.Reporter, title);
        var id = await Majors.DeclareAsync(manager, incident.Id, severity, (await ActorAsync(commander)).UserId, "Many users cannot work");
        if (communicationsLead is not null)
            await Majors.AssignRoleAsync(manager, id, ResponseRole.CommunicationsLead, (await ActorAsync(communicationsLead)).UserId);
        return (id, incident);
    }
}
