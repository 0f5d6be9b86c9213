namespace CxLive.Domain.Telemetry;

/// <summary>
/// Outcome of <see cref="ExperienceBaseline.Assess"/>: is the customer's experience now well below their own past?
/// Nothing is degraded before the baseline is warm.
/// </summary>
/// <param name="BadRatioDegraded">The bad ratio is well above its baseline.</param>
/// <param name="LatencyDegraded">The median latency is well above its baseline.</param>
/// <param name="BadRatioLimit">Bad ratio above which it counts as degraded; null while the bad-ratio baseline warms up.</param>
/// <param name="LatencyLimitMs">Median latency above which it counts as degraded; null while the latency baseline warms up.</param>
public readonly record struct DegradationVerdict(
    bool BadRatioDegraded,
    bool LatencyDegraded,
    double? BadRatioLimit,
    double? LatencyLimitMs)
{
    public bool IsDegraded => BadRatioDegraded || LatencyDegraded;
}
