using IncidentPortal.Features.Accounts;
using IncidentPortal.Features.Admin;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IncidentPortal.Features.Webhooks;

/// <summary>One line of an endpoint's delivery log, with what was sent and the start of what came back.</summary>
public sealed record WebhookAttemptRow(long Id, string DeliveryId, string Event, int? IncidentId, int Attempt, bool IsRedelivery,
    DateTime At, int? StatusCode, int DurationMs, WebhookAttemptOutcome Outcome, string? Error, string? ResponseSnippet, string RequestBody);

public sealed partial class WebhookAdminService
{
    public const int LogPageSize = 50;

    /// <summary>The newest attempts to deliver to an endpoint.</summary>
    public async Task<List<WebhookAttemptRow>> DeliveriesAsync(Actor actor, int endpointId, int take = LogPageSize, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.Id).Take(take)
            .Select(d => new WebhookAttemptRow(d.Id, d.DeliveryId, d.Event, d.IncidentId, d.Attempt, d.IsRedelivery, d.AttemptedAt,
                d.StatusCode, d.DurationMs, d.Outcome, d.Error, d.ResponseSnippet, d.RequestBody))
            .ToListAsync(ct);
    }

    /// <summary>Queues a "ping" through the same outbox and sender as real events, so the log shows what the receiver said.</summary>
    public async Task<AdminResult> SendTestAsync(Actor actor, int endpointId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null) return Gone;
        if (!endpoint.IsEnabled) return AdminResult.Refused($"{endpoint.Name} is disabled: enable it before sending a test event.");
        var deliveryId = WebhookPayloads.NewDeliveryId();
        var body = WebhookPayloads.Ping(deliveryId, Now, actor.Name).ToJson();
        Outbox.Enqueue(db, WebhookDispatch.Kind, new WebhookDispatch(endpointId, deliveryId, WebhookEventNames.Ping, null, body), Now);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(endpointId, $"Test event queued for {endpoint.Name}; its delivery appears in the log.");
    }

    /// <summary>
    /// Sends a logged delivery again, byte for byte, with the same delivery id (receivers that already processed it can
    /// tell), freshly timestamped and signed with the endpoint's current secret.
    /// </summary>
    public async Task<AdminResult> RedeliverAsync(Actor actor, long attemptId, CancellationToken ct = default)
    {
        actor.RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempt = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == attemptId, ct);
        if (attempt is null) return AdminResult.Refused("That delivery is no longer in the log.");
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == attempt.EndpointId, ct);
        if (!endpoint.IsEnabled) return AdminResult.Refused($"{endpoint.Name} is disabled: enable it before redelivering.");
        Outbox.Enqueue(db, WebhookDispatch.Kind, new WebhookDispatch(attempt.EndpointId, attempt.DeliveryId, attempt.Event,
            attempt.IncidentId, attempt.RequestBody, IsRedelivery: true), Now);
        await db.SaveChangesAsync(ct);
        return AdminResult.Done(attempt.EndpointId, $"Delivery {attempt.DeliveryId[..8]} queued again for {endpoint.Name}.");
    }
}
