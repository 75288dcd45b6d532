using System.Collections.Concurrent;

namespace IncidentPortal.Features.Integrations;

/// <summary>
/// A token bucket per integration key: up to <see cref="AlertIntegration.RateLimitPerMinute"/> requests at once,
/// refilled at that many per minute. In memory, per app instance.
/// </summary>
public sealed class IngestRateLimits(TimeProvider clock)
{
    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens = tokens;
        public long At = at;
    }

    private readonly ConcurrentDictionary<int, Bucket> buckets = new();

    /// <summary>Takes a token; when none is left, says how long until the next one (for Retry-After).</summary>
    public bool TryTake(int integrationId, int perMinute, out TimeSpan retryAfter)
    {
        var capacity = Math.Max(1, perMinute);
        var perTick = capacity / 60.0 / clock.TimestampFrequency;
        var now = clock.GetTimestamp();
        var bucket = buckets.GetOrAdd(integrationId, _ => new Bucket(capacity, now));
        lock (bucket)
        {
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (now - bucket.At) * perTick);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromSeconds(Math.Ceiling((1 - bucket.Tokens) / (capacity / 60.0)));
            return false;
        }
    }

    /// <summary>After the limit changes, start from a full bucket at the new size.</summary>
    public void Reset(int integrationId) => buckets.TryRemove(integrationId, out _);
}
