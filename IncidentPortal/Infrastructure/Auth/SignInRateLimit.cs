using System.Globalization;
using System.Threading.RateLimiting;
using IncidentPortal.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentPortal.Infrastructure.Auth;

/// <summary>Limits password guessing per client address; lockout (per account) covers the other side.</summary>
internal static class SignInRateLimit
{
    public static void AddSignInRateLimit(this WebApplicationBuilder builder, AccountOptions options)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.SignInAttemptsPerWindow,
                            Window = TimeSpan.FromSeconds(options.SignInWindowSeconds),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : options.SignInWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"Too many sign-in attempts. Try again in {retryAfter} seconds.", cancellationToken);
            };
        });
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/Account/LoginWithRecoveryCode", StringComparison.OrdinalIgnoreCase));
}
