using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.StatusPage;

/// <summary>
/// Demo status page (with DemoData:Seed): the demo services as components in groups, one resolved public incident
/// from last week with its history, and maintenance planned for the day after tomorrow. Runs once, on an empty page.
/// </summary>
internal sealed class StatusPageDemoSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IStartupSeeder
{
    private static readonly (string Service, string PublicName, string Group)[] Components =
    [
        ("Email", "Email and calendars", "Collaboration"), ("File Shares", "File shares", "Collaboration"),
        ("VPN", "Remote access (VPN)", "Access"), ("Wi-Fi", "Office Wi-Fi", "Access"), ("Identity & Access", "Single sign-on", "Access"),
        ("Web Shop", "Online store", "Business applications"), ("Payroll", "Payroll", "Business applications"), ("CRM", "CRM", "Business applications"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StatusComponents.AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-90);
        var services = await db.Services.ToDictionaryAsync(s => s.Name, ct);
        var components = new Dictionary<string, StatusComponent>();
        var order = 0;
        foreach (var (service, publicName, group) in Components.Where(c => services.ContainsKey(c.Service)))
            db.StatusComponents.Add(components[service] = StatusComponent.Create(publicName, services[service].Description, group, order++, services[service].Id, since));
        await db.SaveChangesAsync(ct);

        var start = now.Date.AddDays(-5).AddHours(8).AddMinutes(12);
        var vpn = components.GetValueOrDefault("VPN");
        var past = await db.Incidents.Where(i => i.ServiceId == services["VPN"].Id && !IncidentLifecycle.OpenStatuses.Contains(i.Status))
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        foreach (var component in components.Values)
        {
            var outage = component == vpn && past is not null;
            db.ComponentStatusPeriods.Add(Ended(ComponentStatusPeriod.Begin(component.Id, ComponentStatus.Operational, since, null), outage ? start : null));
            if (!outage) continue;
            db.ComponentStatusPeriods.Add(Ended(ComponentStatusPeriod.Begin(component.Id, ComponentStatus.PartialOutage, start, "Remote access connection failures"), start.AddHours(2)));
            db.ComponentStatusPeriods.Add(ComponentStatusPeriod.Begin(component.Id, ComponentStatus.Operational, start.AddHours(2), null));
        }
        if (vpn is not null && past is { } incidentId)
        {
            var publicIncident = PublicIncident.Open(incidentId, "Remote access connection failures", start);
            var impact = new Dictionary<int, ComponentStatus> { [vpn.Id] = ComponentStatus.PartialOutage };
            publicIncident.Publish(IncidentPhase.Investigating, publicIncident.Title, "We are investigating reports of VPN connections failing for some remote staff.", impact, null, start);
            publicIncident.Publish(IncidentPhase.Identified, publicIncident.Title, "A certificate on one VPN gateway expired. We are renewing it.", impact, null, start.AddMinutes(40));
            publicIncident.Publish(IncidentPhase.Monitoring, publicIncident.Title, "The certificate has been renewed and connections succeed again. We are monitoring.", impact, null, start.AddMinutes(90));
            publicIncident.Publish(IncidentPhase.Resolved, publicIncident.Title, "This incident has been resolved.", new Dictionary<int, ComponentStatus>(), null, start.AddHours(2));
            db.PublicIncidents.Add(publicIncident);
        }
        if (components.GetValueOrDefault("Payroll") is { } payroll)
        {
            var window = now.Date.AddDays(2).AddHours(18);
            db.ScheduledMaintenances.Add(ScheduledMaintenance.Schedule("Payroll system upgrade",
                "Payroll will be unavailable while we upgrade it to the new version. Expenses submitted before the window are kept.",
                window, window.AddHours(2), [payroll.Id], null, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private static ComponentStatusPeriod Ended(ComponentStatusPeriod period, DateTime? at)
    {
        if (at is { } end) period.End(end);
        return period;
    }
}
