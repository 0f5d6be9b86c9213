using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Touchpoints;

/// <summary>
/// What the company sees for one touchpoint (SCORING.md 2), across all customers over the long window:
/// <code>
/// availability = 1 - errors / total
/// healthy      = availability >= sloTarget and p95 &lt;= latencyThresholdMs
/// </code>
/// with p50/p95/p99 from the merged <see cref="LatencySketch"/>. Without traffic the availability is 1 and there is
/// no p95, which counts as healthy: nothing is failing that anyone could see.
/// </summary>
public readonly record struct InternalKpiVerdict(
    double Availability,
    double? P50LatencyMs,
    double? P95LatencyMs,
    double? P99LatencyMs,
    bool AvailabilityMet,
    bool LatencyMet,
    long Events = 0)
{
    public bool IsHealthy => AvailabilityMet && LatencyMet;

    public static InternalKpiVerdict Judge(WindowCounts longWindow, LatencySketch latency, double sloTarget, double latencyThresholdMs)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var availability = longWindow.Availability;
        var p95 = latency.Quantile(0.95);
        return new InternalKpiVerdict(
            availability,
            latency.Quantile(0.5),
            p95,
            latency.Quantile(0.99),
            AvailabilityMet: availability >= sloTarget,
            LatencyMet: p95 is not { } value || value <= latencyThresholdMs,
            Events: longWindow.Total);
    }
}
