using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IncidentPortal.Features.StatusPage.Subscriptions;

public sealed class SubscribeRateLimitOptions
{
    public const string Section = "StatusSubscriptions";
    /// <summary>Subscribe requests (form posts) one client address may send per window.</summary>
    public int RequestsPerWindow { get; set; } = 5;
    public int WindowSeconds { get; set; } = 600;
}

/// <summary>
/// Limits subscribe POSTs per client IP: subscribing is anonymous and sends mail to the address typed in, so without a
/// limit the form could be used to flood someone's inbox. Reading the form page is never limited.
/// </summary>
public sealed class SubscribeRateLimit(IOptions<SubscribeRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "status-subscribe";

    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Value.RequestsPerWindow,
                    Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
                    QueueLimit = 0,
                })
            : RateLimitPartition.GetNoLimiter("read");

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : options.Value.WindowSeconds;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync($"Too many subscription requests from your address. Try again in {retryAfter} seconds.", ct);
    };
}
