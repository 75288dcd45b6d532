using System.Globalization;
using System.Net.Http.Headers;
using IncidentPortal.Features.Integrations;
using Microsoft.AspNetCore.Http.Features;

namespace IncidentPortal.Features.Alerts.Ingest;

/// <summary>The steps every ingest request goes through: key, size, payload, rate limit, durable write.</summary>
public sealed class IngestPipeline(IntegrationDirectory directory, IngestRateLimits limits, AlertWriter writer)
{
    public async Task<IResult> GroupAsync(HttpContext http, IntegrationKind kind, CancellationToken ct)
    {
        var integration = await directory.FindAsync(HeaderKey(http.Request), ct);
        if (integration is null) return Unauthorized();
        var (body, tooLarge) = await ReadBodyAsync(http, ct);
        if (tooLarge is not null) return tooLarge;
        IReadOnlyList<AlertSignal> signals;
        try { signals = GroupNotificationReader.Read(body, kind); }
        catch (PayloadException e) { return Invalid(e.Message); }
        if (Limited(integration) is { } limited) return limited;

        var outcomes = await writer.SubmitAsync(integration, signals, ct);
        return Results.Json(new
        {
            status = "success",
            message = $"{outcomes.Count(o => o.Applied)} of {Infrastructure.Text.Plural.Count(outcomes.Count, "alert")} applied",
            alerts = outcomes.Count,
            incidents_opened = outcomes.Count(o => o.OpenedIncident),
        }, statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> EventAsync(HttpContext http, CancellationToken ct)
    {
        var headerKey = HeaderKey(http.Request);
        var integration = headerKey is null ? null : await directory.FindAsync(headerKey, ct);
        if (headerKey is not null && integration is null) return Unauthorized();
        var (body, tooLarge) = await ReadBodyAsync(http, ct);
        if (tooLarge is not null) return tooLarge;
        EventsV2Event read;
        try { read = EventsV2Reader.Read(body); }
        catch (PayloadException e)
        {
            // An unauthenticated caller learns nothing about what is wrong with the payload.
            integration ??= await directory.FindAsync(RoutingKeyOf(body), ct);
            return integration is null ? Unauthorized() : Invalid(e.Message);
        }
        integration ??= await directory.FindAsync(read.RoutingKey, ct);
        if (integration is null) return Unauthorized();
        if (Limited(integration) is { } limited) return limited;

        var outcome = (await writer.SubmitAsync(integration, [read.Signal], ct))[0];
        return Results.Json(new
        {
            status = "success",
            message = outcome.Applied ? "Event processed" : "Event accepted; no open alert has this dedup_key, so it was dropped",
            dedup_key = outcome.DedupKey,
        }, statusCode: StatusCodes.Status202Accepted);
    }

    private static string? HeaderKey(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth)
            && auth.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(auth.Parameter))
            return auth.Parameter;
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey;
    }

    private static string? RoutingKeyOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && document.RootElement.TryGetProperty("routing_key", out var key) && key.ValueKind == System.Text.Json.JsonValueKind.String
                ? key.GetString() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
        catch (InvalidOperationException) { return null; } // a lone surrogate: not text, so not a key
    }

    private IResult? Limited(ActiveIntegration integration)
    {
        if (limits.TryTake(integration.Id, integration.Settings.RateLimitPerMinute, out var retryAfter)) return null;
        return new RetryAfterResult(Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"This integration key may send {integration.Settings.RateLimitPerMinute} requests per minute. Retry after {retryAfter.TotalSeconds:0} s."),
            retryAfter);
    }

    /// <summary>Reads at most <see cref="IngestEndpoints.MaxBodyBytes"/>; anything longer is refused with 413 unread.</summary>
    private static async Task<(ReadOnlyMemory<byte> Body, IResult? TooLarge)> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        const int max = IngestEndpoints.MaxBodyBytes;
        if (http.Request.ContentLength > max) return (default, TooLarge());
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 1;
        var buffer = new MemoryStream(http.Request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > max) return (default, TooLarge());
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
        detail: $"A request can carry at most {IngestEndpoints.MaxBodyBytes / 1024} KB. Split large groups (Alertmanager: max_alerts).");

    private static IResult Invalid(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid alert payload", detail: detail + " Nothing was stored.");

    private static IResult Unauthorized() => new WwwAuthenticateResult(Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Unknown or disabled integration key",
        detail: "Send the integration's key as 'Authorization: Bearer <key>', an X-Api-Key header, or (Events v2) routing_key."));

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(http);
        }
    }

    private sealed class WwwAuthenticateResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return inner.ExecuteAsync(http);
        }
    }
}
