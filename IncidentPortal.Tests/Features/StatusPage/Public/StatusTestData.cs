using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Incidents;
using IncidentPortal.Features.StatusPage;
using IncidentPortal.Features.StatusPage.Public;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Tests.Admin.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPortal.Tests.Features.StatusPage.Public;

/// <summary>
/// Puts status-page data in the database through the model's own methods (as the publishing service does), then
/// announces it the way the service does: <see cref="StatusPageChanged"/> on the event bus.
/// </summary>
internal static class StatusTestData
{
    public static async Task<StatusComponent> AddComponentAsync(IServiceProvider services, string name, string? group, ComponentStatus status = ComponentStatus.Operational,
        string? cause = null)
    {
        var now = Now(services);
        await using var db = await Db(services);
        var component = StatusComponent.Create(name, $"{name} for everyone", group, 1, null, now.AddDays(-10));
        db.StatusComponents.Add(component);
        await db.SaveChangesAsync();
        var operational = ComponentStatusPeriod.Begin(component.Id, ComponentStatus.Operational, now.AddDays(-10), null);
        db.ComponentStatusPeriods.Add(operational);
        if (status != ComponentStatus.Operational)
        {
            component.Apply(status, now.AddMinutes(-30));
            operational.End(now.AddMinutes(-30));
            db.ComponentStatusPeriods.Add(ComponentStatusPeriod.Begin(component.Id, status, now.AddMinutes(-30), cause));
        }
        await db.SaveChangesAsync();
        return component;
    }

    /// <summary>
    /// A portal incident with an internal title and an internal work note, published publicly under a different title
    /// and message affecting <paramref name="componentId"/>.
    /// </summary>
    public static async Task<PublicIncident> PublishIncidentAsync(AdminPortalFactory portal, string internalTitle, string workNote,
        string publicTitle, string publicMessage, int componentId, ComponentStatus impact)
    {
        var manager = await portal.ManagerAsync();
        var incidents = portal.Get<IncidentService>();
        var incident = await incidents.ReportAsync(manager, new IncidentDraft(internalTitle, "Internal description " + workNote, Impact.High, Urgency.High,
            IncidentSource.Portal, null, null));
        await incidents.ChangeAsync(manager, incident.Id, null, new AddComment(workNote, IsPublic: false));
        var now = Now(portal.Services);
        await using var db = await Db(portal.Services);
        var published = PublicIncident.Open(incident.Id, publicTitle, now.AddMinutes(-20));
        published.Publish(IncidentPhase.Investigating, publicTitle, "We are looking into reports of problems.",
            new Dictionary<int, ComponentStatus> { [componentId] = impact }, manager.UserId, now.AddMinutes(-20));
        published.Publish(IncidentPhase.Identified, publicTitle, publicMessage,
            new Dictionary<int, ComponentStatus> { [componentId] = impact }, manager.UserId, now.AddMinutes(-5));
        db.PublicIncidents.Add(published);
        await db.SaveChangesAsync();
        return published;
    }

    /// <summary>Announces a change as the publishing service does, and waits until the store has read it.</summary>
    public static async Task AnnounceAsync(IServiceProvider services)
    {
        await services.GetRequiredService<IEventBus>().PublishAsync(new StatusPageChanged(Now(services)));
        await services.GetRequiredService<StatusSnapshotStore>().RefreshAsync();
    }

    private static DateTime Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static Task<AppDbContext> Db(IServiceProvider services) => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
