namespace CxLive.Domain.Telemetry;

/// <summary>
/// Interaction counts over some stretch of time. <see cref="Errors"/> are failed interactions;
/// <see cref="Slow"/> are interactions that succeeded but took longer than the touchpoint's
/// <c>latencyThresholdMs</c>. The two are disjoint, so bad = errors + slow and SLI = 1 - bad / total.
/// </summary>
public readonly record struct WindowCounts(long Total, long Errors, long Slow)
{
    public long Bad => Errors + Slow;

    /// <summary>bad / total; 0 without traffic.</summary>
    public double BadRatio => Total == 0 ? 0 : (double)Bad / Total;

    /// <summary>1 - errors / total (the company's availability); 1 without traffic.</summary>
    public double Availability => Total == 0 ? 1 : 1 - ((double)Errors / Total);

    public WindowCounts Plus(WindowCounts other) => new(Total + other.Total, Errors + other.Errors, Slow + other.Slow);
}
