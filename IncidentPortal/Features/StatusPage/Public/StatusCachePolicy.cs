using Microsoft.AspNetCore.OutputCaching;

namespace IncidentPortal.Features.StatusPage.Public;

/// <summary>
/// Output caching for the public status outputs: the same bytes for everyone (signed in or not), kept until the
/// <see cref="StatusSnapshotStore.CacheTag"/> tag is evicted on a change. A response that sets a cookie or is not a 200
/// is never stored, so nothing personal can be served to someone else.
/// </summary>
public sealed class StatusCachePolicy : IOutputCachePolicy
{
    public const string Name = "StatusPage";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.Tags.Add(StatusSnapshotStore.CacheTag);
        context.CacheVaryByRules.QueryKeys = new(["fragment", "month"]);
        // One stored copy per encoding actually served (not per raw Accept-Encoding string, which varies by browser).
        context.CacheVaryByRules.VaryByValues["encoding"] = StatusCompression.Negotiate(context.HttpContext.Request);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A stored copy is evicted on every change, so it is as current as a fresh render: it goes out without the output
    /// cache's Age (up to the ten minutes it is kept), which would exceed max-age and forbid browsers and proxies to reuse it.
    /// </summary>
    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        response.OnStarting(() =>
        {
            response.Headers.Remove("Age");
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
