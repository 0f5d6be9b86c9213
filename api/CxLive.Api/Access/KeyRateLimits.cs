using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Access;

/// <summary>
/// The token buckets of <see cref="RateLimitOptions"/>, partitioned by API key: <see cref="Requests"/> is the
/// middleware's global limiter (reads and ingest requests); <see cref="TryTakeEvents"/> is asked by an ingest route once
/// it knows how many events a body holds. Partitions exist per key that called, so their number is the number of keys.
/// </summary>
internal sealed class KeyRateLimits : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _events;

    public KeyRateLimits(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        Requests = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var kind = Kind(context.Request);
            if (kind is null)
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }

            var perSecond = kind == "ingest" ? _options.IngestRequestsPerSecond : _options.ReadRequestsPerSecond;
            return RateLimitPartition.GetTokenBucketLimiter($"{kind}:{KeyOf(context.User)}", _ => Bucket(perSecond));
        });
        _events = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(_options.IngestEventsPerSecond)));
    }

    public PartitionedRateLimiter<HttpContext> Requests { get; }

    /// <summary>The most events one batch may hold: a full bucket.</summary>
    public long EventCapacity => (long)_options.IngestEventsPerSecond * _options.BurstSeconds;

    /// <summary>
    /// Takes <paramref name="count"/> event tokens of the caller's bucket; when it has too few, the seconds to wait.
    /// A batch larger than <see cref="EventCapacity"/> never fits: ask <see cref="EventCapacity"/> first.
    /// </summary>
    public int? TryTakeEvents(ClaimsPrincipal user, int count)
    {
        using var lease = _events.AttemptAcquire(KeyOf(user), (int)Math.Clamp(count, 0, EventCapacity));
        return lease.IsAcquired ? null : RetryAfterSeconds(lease);
    }

    /// <summary>The seconds a refused lease says to wait (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
    }

    public static string Header(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Requests.Dispose();
        _events.Dispose();
    }

    private TokenBucketRateLimiterOptions Bucket(int perSecond) => new()
    {
        TokenLimit = perSecond * _options.BurstSeconds,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>"ingest", "read", or null for what is not limited per key (health, the dashboard's files, the hub).</summary>
    private static string? Kind(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/v1/telemetry") || path.StartsWithSegments("/api/v1/feedback") || path.StartsWithSegments("/v1"))
        {
            return HttpMethods.IsPost(request.Method) ? "ingest" : null;
        }

        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") ? "read" : null;
    }

    private static string KeyOf(ClaimsPrincipal user) => Caller.KeyId(user) ?? "anonymous";
}
