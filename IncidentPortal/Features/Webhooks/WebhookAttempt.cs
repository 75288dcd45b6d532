using System.Diagnostics;
using System.Net;
using System.Text;

namespace IncidentPortal.Features.Webhooks;

/// <summary>What one HTTP attempt came to. Transport failures are results, not exceptions, so each one is logged.</summary>
public sealed record WebhookAttempt(DateTime At, TimeSpan Duration, int? StatusCode, string? Error, string? ResponseSnippet, bool IsNetworkFailure)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Trying later may help: the receiver is down, overloaded or slow. Any other refusal is final.</summary>
    public bool IsRetryable => Error is not null && StatusCode is null
        || StatusCode is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
}

/// <summary>One signed POST of a delivery's body; see WebhookSignature for the headers' meaning.</summary>
public static class WebhookRequest
{
    public const string EventHeader = "X-IncidentPortal-Event";
    public const string DeliveryHeader = "X-IncidentPortal-Delivery";
    public const string TimestampHeader = "X-IncidentPortal-Timestamp";
    public const string SignatureHeader = "X-IncidentPortal-Signature";
    public const string UserAgent = "IncidentPortal-Webhooks/1.0";

    public static async Task<WebhookAttempt> SendAsync(HttpClient client, string url, string secret, WebhookDispatch dispatch,
        TimeProvider clock, CancellationToken attemptToken, CancellationToken shutdown)
    {
        var at = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(dispatch.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add(EventHeader, dispatch.Event);
        request.Headers.Add(DeliveryHeader, dispatch.DeliveryId);
        request.Headers.Add(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, WebhookSignature.Sign(secret, timestamp, dispatch.Body));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken);
            var snippet = await SnippetAsync(response, attemptToken);
            var status = (int)response.StatusCode;
            var error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"Redirect to {response.Headers.Location} not followed: update the endpoint's URL.",
                _ => $"{status} {response.ReasonPhrase}",
            };
            return new(at.UtcDateTime, Stopwatch.GetElapsedTime(started), status, error, snippet, IsNetworkFailure: false);
        }
        catch (OperationCanceledException) when (!shutdown.IsCancellationRequested)
        {
            return new(at.UtcDateTime, Stopwatch.GetElapsedTime(started), null, "Timed out waiting for the response.", null, IsNetworkFailure: false);
        }
        catch (HttpRequestException e)
        {
            return new(at.UtcDateTime, Stopwatch.GetElapsedTime(started), null, e.InnerException?.Message ?? e.Message, null, IsNetworkFailure: true);
        }
    }

    /// <summary>The start of the response, enough to see what the receiver said, without reading a huge body.</summary>
    private static async Task<string?> SnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[WebhookDelivery.MaxSnippetLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read == 0 ? null : new string(buffer, 0, read);
    }
}
