using System.Diagnostics;
using System.Text;
using IncidentPortal.Infrastructure;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Subscriptions.Webhooks;

/// <summary>Published after a delivery attempt was logged, so an open subscribers page shows it without reloading.</summary>
public sealed record StatusWebhookAttemptLogged(int SubscriberId);

/// <summary>
/// Delivers one notice to one webhook subscriber per outbox try and logs the attempt. A 5xx, 408, 429, timeout or
/// network error is retried by the outbox with exponential backoff; any other refusal (a 4xx) is final.
/// </summary>
public sealed class StatusWebhookSender(IDbContextFactory<AppDbContext> dbFactory, IHttpClientFactory httpClients,
    IOptions<PortalOptions> portal, IOptions<StatusWebhookOptions> options, IOptions<OutboxOptions> outbox,
    IEventBus events, TimeProvider clock) : IOutboxHandler
{
    public const string OutboxKind = "status-webhook";
    public const string ClientName = "status-webhooks";

    public string Kind => OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var dispatch = message.PayloadAs<StatusWebhookDispatch>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscriber = await db.StatusWebhookSubscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == dispatch.SubscriberId, ct);
        if (subscriber is null) return; // unsubscribed meanwhile: nothing to deliver

        var baseUrl = portal.Value.BaseUrl;
        var body = StatusWebhookPayloads.Create(subscriber.Format, dispatch, $"{baseUrl}/status",
            $"{baseUrl}{SubscriberMails.UnsubscribePagePath}?token={Uri.EscapeDataString(subscriber.UnsubscribeToken)}");
        var at = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.WebhookTimeoutSeconds)));
            using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.UserAgent.ParseAdd("IncidentPortal-StatusPage/1.0");
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No answer within {options.Value.WebhookTimeoutSeconds} s.";
        }
        catch (HttpRequestException ex)
        {
            error = ex.InnerException?.Message is { } inner ? $"{ex.Message} ({inner})" : ex.Message;
        }

        var retryable = status is null or 408 or 429 or >= 500;
        var succeeded = status is >= 200 and < 300;
        var lastTry = message.Attempts + 1 >= outbox.Value.MaxAttempts;
        db.StatusWebhookDeliveries.Add(StatusWebhookDelivery.Record(subscriber.Id, message.Id, dispatch.Notice.Title, message.Attempts + 1,
            at, watch.Elapsed, status, error, isFinal: succeeded || !retryable || lastTry));
        await db.SaveChangesAsync(CancellationToken.None);
        await events.PublishAsync(new StatusWebhookAttemptLogged(subscriber.Id));

        if (succeeded) return;
        if (!retryable) throw new OutboxGiveUpException($"{subscriber.Url} refused the notice: {error}");
        throw new StatusWebhookException($"{subscriber.Url}: {error}");
    }
}

/// <summary>A delivery failed in a way worth retrying; the outbox tries again after its backoff.</summary>
public sealed class StatusWebhookException(string message) : Exception(message);
