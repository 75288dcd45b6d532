using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.MajorIncidents;
using IncidentPortal.Tests.Features.Incidents.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.MajorIncidents.Support;

public static class MajorIncidentHost
{
    public static MajorIncidentService MajorIncidents(this IncidentTestHost host) => host.Services.GetRequiredService<MajorIncidentService>();

    /// <summary>A new report by the demo reporter, taken by Network, declared by the manager who commands it.</summary>
    public static async Task<(int MajorId, Incident Parent)> DeclaredAsync(this IncidentTestHost host, string title, Severity severity = Severity.Sev1)
    {
        var manager = await host.ActorAsync(DemoEmails.Manager);
        var parent = await host.ReportAsync(await host.ActorAsync(DemoEmails.Reporter), title);
        await host.Incidents.ChangeAsync(manager, parent.Id, null, new AssignIncident(await host.TeamIdAsync("Network"), null));
        return (await host.MajorIncidents().DeclareAsync(manager, parent.Id, severity, manager.UserId, null), parent);
    }
}
