namespace CxLive.Domain.Telemetry;

/// <summary>
/// A customer's own past on one touchpoint (SCORING.md 1, "against their own past"): exponentially weighted moving
/// averages of the bad ratio and of the median latency, fed once per completed minute (never per event):
/// <code>
/// first minute: b = x;   later: b = b + alpha (x - b),   alpha = 1 - 2^(-1 / BaselineHalfLifeMinutes)
/// </code>
/// Minutes without traffic do not move it. <see cref="Assess"/> calls the present degraded, after
/// <see cref="TelemetryOptions.BaselineWarmupMinutes"/> observed minutes, when
/// <code>
/// bad ratio : n >= MinEvents and Wilson lower bound of k / n > max(DegradedFactor x b, b + DegradedMargin)
/// latency   : median > LatencyDegradedFactor x baseline median
/// </code>
/// The lower bound (not the raw ratio) keeps a handful of unlucky requests from reading as a trend.
/// </summary>
public sealed class ExperienceBaseline
{
    private readonly TelemetryOptions _options;

    // long.MinValue for none: one per customer x touchpoint, so 8 bytes rather than a long? of 16.
    private long _lastMinute = long.MinValue;

    public ExperienceBaseline(TelemetryOptions options)
        : this(options, 0, 0, 0, 0, null)
    {
    }

    /// <summary>Restores a baseline a grain persisted.</summary>
    public ExperienceBaseline(
        TelemetryOptions options, double badRatio, int badRatioMinutes, double medianLatencyMs, int latencyMinutes, long? lastMinute)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        BadRatio = badRatio;
        BadRatioMinutes = badRatioMinutes;
        MedianLatencyMs = medianLatencyMs;
        LatencyMinutes = latencyMinutes;
        LastMinute = lastMinute;
    }

    /// <summary>EWMA of the per-minute bad ratio.</summary>
    public double BadRatio { get; private set; }

    /// <summary>Minutes with traffic folded into <see cref="BadRatio"/>.</summary>
    public int BadRatioMinutes { get; private set; }

    /// <summary>EWMA of the per-minute median latency.</summary>
    public double MedianLatencyMs { get; private set; }

    /// <summary>Minutes with a median latency folded into <see cref="MedianLatencyMs"/>.</summary>
    public int LatencyMinutes { get; private set; }

    /// <summary>Last minute index (unix minutes) observed; later observations must be for later minutes.</summary>
    public long? LastMinute
    {
        get => _lastMinute == long.MinValue ? null : _lastMinute;
        private set => _lastMinute = value ?? long.MinValue;
    }

    public bool IsWarm => BadRatioMinutes >= _options.BaselineWarmupMinutes;

    /// <summary>
    /// Folds one completed minute into the baseline. Returns false (and changes nothing) when that minute or a later one
    /// was already observed, so a repeated timer tick cannot count a minute twice.
    /// </summary>
    public bool Observe(long minute, WindowCounts counts, double? medianLatencyMs)
    {
        if (minute <= LastMinute)
        {
            return false;
        }

        LastMinute = minute;
        var alpha = _options.BaselineAlpha;
        if (counts.Total > 0)
        {
            BadRatio = BadRatioMinutes == 0 ? counts.BadRatio : BadRatio + (alpha * (counts.BadRatio - BadRatio));
            BadRatioMinutes++;
        }

        if (medianLatencyMs is { } median && double.IsFinite(median) && median >= 0)
        {
            MedianLatencyMs = LatencyMinutes == 0 ? median : MedianLatencyMs + (alpha * (median - MedianLatencyMs));
            LatencyMinutes++;
        }

        return true;
    }

    /// <summary>Compares the present (e.g. the short window and its median latency) with the baseline.</summary>
    public DegradationVerdict Assess(WindowCounts current, double? currentMedianLatencyMs)
    {
        var warmup = _options.BaselineWarmupMinutes;
        double? badRatioLimit = null;
        var badRatioDegraded = false;
        if (BadRatioMinutes >= warmup)
        {
            var limit = Math.Max(_options.DegradedFactor * BadRatio, BadRatio + _options.DegradedMargin);
            badRatioLimit = limit;
            badRatioDegraded = current.Total >= _options.MinEvents
                && WilsonInterval.Of(current.Bad, current.Total, _options.ConfidenceZ).Lower > limit;
        }

        double? latencyLimit = null;
        var latencyDegraded = false;
        if (LatencyMinutes >= warmup && LatencyMinutes > 0)
        {
            var limit = _options.LatencyDegradedFactor * MedianLatencyMs;
            latencyLimit = limit;
            latencyDegraded = currentMedianLatencyMs > limit;
        }

        return new DegradationVerdict(badRatioDegraded, latencyDegraded, badRatioLimit, latencyLimit);
    }
}
