using CxLive.Domain;

namespace CxLive.Api.Access;

/// <summary>
/// Per-key rate limits (section <c>RateLimits</c>): token buckets, one per API key (keyless loopback callers share
/// one), refilled every second and holding <see cref="BurstSeconds"/> worth of tokens. Past a limit the answer is 429
/// with Retry-After. "Read" counts every /api request that is not ingest (reads and management alike); ingest is
/// telemetry, OTLP and feedback, counted in requests and in events (spans, feedback items).
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [SettingRange(1, 1_000_000, ErrorMessage = "RateLimits:ReadRequestsPerSecond must be between 1 and 1000000.")]
    public int ReadRequestsPerSecond { get; set; } = 100;

    [SettingRange(1, 1_000_000, ErrorMessage = "RateLimits:IngestRequestsPerSecond must be between 1 and 1000000.")]
    public int IngestRequestsPerSecond { get; set; } = 500;

    [SettingRange(1, 100_000_000, ErrorMessage = "RateLimits:IngestEventsPerSecond must be between 1 and 100000000.")]
    public int IngestEventsPerSecond { get; set; } = 2_000_000;

    /// <summary>How many seconds of tokens a bucket holds: a key may send this much ahead of its rate at once.</summary>
    [SettingRange(1, 60, ErrorMessage = "RateLimits:BurstSeconds must be between 1 and 60.")]
    public int BurstSeconds { get; set; } = 2;
}
