using System.Security.Cryptography;
using IncidentPortal.Infrastructure.Data;
using IncidentPortal.Infrastructure.Events;
using IncidentPortal.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace IncidentPortal.Features.Webhooks;

/// <summary>Published after attempts were logged, so an open delivery log shows them without reloading.</summary>
public sealed record WebhookAttemptsLogged(int EndpointId);

/// <summary>
/// Delivers "webhook" outbox messages. Per outbox try, Polly runs one attempt with a timeout and retries it quickly
/// on a network error; every HTTP attempt is logged. The outbox then provides the durable part: exponential backoff
/// across restarts for 5xx/408/429/timeouts, and no retry (<see cref="OutboxGiveUpException"/>) for other refusals.
/// </summary>
public sealed class WebhookSender(IDbContextFactory<AppDbContext> dbFactory, IHttpClientFactory httpClients, WebhookSecrets secrets,
    IOptions<WebhookOptions> options, IOptions<OutboxOptions> outbox, IEventBus events, TimeProvider clock) : IOutboxHandler
{
    public const string ClientName = "webhooks";

    private readonly ResiliencePipeline<WebhookAttempt> pipeline = BuildPipeline(options.Value, clock);

    public string Kind => WebhookDispatch.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var dispatch = message.PayloadAs<WebhookDispatch>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == dispatch.EndpointId, ct)
            ?? throw new OutboxGiveUpException("The webhook endpoint was deleted.");
        var attempt = await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpoint.Id && d.DeliveryId == dispatch.DeliveryId, ct);
        var lastTry = message.Attempts + 1 >= outbox.Value.MaxAttempts;

        if (!endpoint.IsEnabled)
        {
            await LogAsync(db, [Row(dispatch, ++attempt, Skipped("The endpoint is disabled; not sent."), WebhookAttemptOutcome.GaveUp)], ct);
            throw new OutboxGiveUpException($"Webhook endpoint {endpoint.Name} is disabled.");
        }
        string secret;
        try { secret = secrets.Unprotect(endpoint.ProtectedSecret); }
        catch (CryptographicException)
        {
            // The data-protection keys were lost (a new server without the old data folder): only a new secret helps.
            await LogAsync(db, [Row(dispatch, ++attempt, Skipped("The secret cannot be decrypted (data-protection keys changed); rotate it."),
                WebhookAttemptOutcome.GaveUp)], ct);
            throw new OutboxGiveUpException($"The secret of webhook endpoint {endpoint.Name} cannot be decrypted.");
        }

        var client = httpClients.CreateClient(ClientName);
        var tries = new List<WebhookAttempt>();
        var last = await pipeline.ExecuteAsync(async token =>
        {
            var result = await WebhookRequest.SendAsync(client, endpoint.Url, secret, dispatch, clock, token, ct);
            tries.Add(result);
            return result;
        }, ct);

        var rows = tries.Select(t => Row(dispatch, ++attempt, t,
            t.Succeeded ? WebhookAttemptOutcome.Delivered : t.IsRetryable ? WebhookAttemptOutcome.WillRetry : WebhookAttemptOutcome.GaveUp)).ToList();
        if (lastTry) rows[^1].MarkFinal();
        await LogAsync(db, rows, ct);

        if (last.Succeeded) return;
        if (!last.IsRetryable) throw new OutboxGiveUpException($"{endpoint.Url} refused the delivery: {last.Error}");
        throw new WebhookDeliveryException($"{endpoint.Url}: {last.Error}");
    }

    private async Task LogAsync(AppDbContext db, IReadOnlyList<WebhookDelivery> rows, CancellationToken ct)
    {
        db.WebhookDeliveries.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new WebhookAttemptsLogged(rows[0].EndpointId));
    }

    private static WebhookDelivery Row(WebhookDispatch dispatch, int attempt, WebhookAttempt t, WebhookAttemptOutcome outcome) =>
        WebhookDelivery.Record(dispatch, attempt, t.At, t.StatusCode, t.Duration, outcome, t.Error, t.ResponseSnippet);

    private WebhookAttempt Skipped(string why) => new(clock.GetUtcNow().UtcDateTime, TimeSpan.Zero, null, why, null, IsNetworkFailure: false);

    private static ResiliencePipeline<WebhookAttempt> BuildPipeline(WebhookOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<WebhookAttempt> { TimeProvider = clock };
        if (options.NetworkRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WebhookAttempt>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.IsNetworkFailure == true),
                MaxRetryAttempts = options.NetworkRetries,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
            });
        }
        // Inside the retry: each attempt gets the full time. WebhookRequest turns the cancellation into a logged result.
        builder.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
        return builder.Build();
    }
}

/// <summary>A delivery failed in a way worth retrying; the outbox tries again after its backoff.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);
