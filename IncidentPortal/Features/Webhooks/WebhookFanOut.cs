using IncidentPortal.Features.Incidents;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.Webhooks;

/// <summary>
/// Queues one outbox delivery per interested endpoint in the incident change's own unit of work: a change that
/// commits is announced (at least once, even across restarts), one that rolls back never is.
/// </summary>
public sealed class WebhookFanOut(IOptions<PortalOptions> portal) : IIncidentSaveHook
{
    public async Task BeforeSaveAsync(IncidentSaveContext context, CancellationToken ct)
    {
        var triggered = WebhookPayloads.Triggered(context.IsNew, context.Recorded);
        if (triggered == WebhookEvents.None) return;
        var db = context.Db;
        var endpoints = await context.Lookups.GetAsync("webhook-endpoints", null,
            () => db.WebhookEndpoints.AsNoTracking().Where(e => e.IsEnabled).ToListAsync(ct));
        if (endpoints.Count == 0) return;

        var incident = context.Incident;
        var entry = db.Entry(incident);
        int?[] teams = [incident.AssignmentGroupId, entry.Property(i => i.AssignmentGroupId).OriginalValue];
        Priority[] priorities = [incident.Priority, entry.Property(i => i.Priority).OriginalValue];
        var wanted = endpoints
            .Where(e => e.Concerns(teams, priorities))
            .Select(e => (Endpoint: e, Event: e.EventFor(triggered)))
            .Where(x => x.Event is not null)
            .ToList();
        if (wanted.Count == 0) return;

        var snapshot = await SnapshotAsync(db, incident, ct);
        var actor = context.ActorId is null ? "System"
            : await db.Users.Where(u => u.Id == context.ActorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "Unknown user";
        var changes = WebhookPayloads.Changes(context.Recorded);
        foreach (var (endpoint, single) in wanted)
        {
            var deliveryId = WebhookPayloads.NewDeliveryId();
            var name = WebhookEventNames.WireName(single!.Value);
            var body = new WebhookPayload(deliveryId, name, context.Now, new WebhookActor(actor), snapshot, changes).ToJson();
            Outbox.Enqueue(db, WebhookDispatch.Kind, new WebhookDispatch(endpoint.Id, deliveryId, name, incident.Id, body), context.Now);
        }
    }

    /// <summary>The incident as it is after the change; names are looked up by id, as navigations may still hold the old ones.</summary>
    private async Task<WebhookIncident> SnapshotAsync(AppDbContext db, Incident incident, CancellationToken ct)
    {
        var team = incident.AssignmentGroupId is { } teamId
            ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var assignee = incident.AssigneeId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var service = incident.ServiceId is { } serviceId
            ? await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        return WebhookPayloads.Incident(incident, team, assignee, service, portal.Value.BaseUrl);
    }
}
