namespace CxLive.Domain.Telemetry;

/// <summary>
/// Is a customer disrupted on a touchpoint (SCORING.md 1)? With <c>n</c> interactions, <c>k</c> of them bad, in the
/// short window and <c>[L, U]</c> the Wilson interval of <c>k / n</c> at <see cref="TelemetryOptions.ConfidenceZ"/>:
/// <code>
/// threshold = max(DisruptionFloor, BurnFactor x (1 - sloTarget))
/// enter     : n >= MinEvents and L > threshold
/// leave     : U &lt; RecoveryFactor x threshold            (Recovered)
///             or no interaction in the whole long window (TrafficStopped)
/// </code>
/// So 1 failure in 3 is not a disruption (too little evidence), 40 in 400 is (L ~ 0.074 > 0.05 for a 99.5% SLO),
/// and a disruption does not flap off on the first good seconds.
/// </summary>
public sealed class DisruptionRule
{
    private readonly TelemetryOptions _options;

    public DisruptionRule(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary><c>max(DisruptionFloor, BurnFactor x (1 - sloTarget))</c>.</summary>
    public double Threshold(double sloTarget)
    {
        if (!(sloTarget is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sloTarget), sloTarget, "The SLO target is a ratio between 0 and 1.");
        }

        return Math.Max(_options.DisruptionFloor, _options.BurnFactor * (1 - sloTarget));
    }

    /// <summary>Judges the window at <paramref name="now"/> (its slot is the newest slot of the windows).</summary>
    public DisruptionVerdict Evaluate(DisruptionVerdict previous, SlotWindow window, double sloTarget, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var nowSlot = _options.SlotIndexOf(now);
        return Evaluate(previous, window.ShortWindow(nowSlot), window.LongWindow(nowSlot), sloTarget, now);
    }

    public DisruptionVerdict Evaluate(
        DisruptionVerdict previous, WindowCounts shortWindow, WindowCounts longWindow, double sloTarget, DateTimeOffset now)
    {
        var threshold = Threshold(sloTarget);
        var bounds = WilsonInterval.Of(shortWindow.Bad, shortWindow.Total, _options.ConfidenceZ);

        if (!previous.IsDisrupted)
        {
            var enters = shortWindow.Total >= _options.MinEvents && bounds.Lower > threshold;
            return enters
                ? new DisruptionVerdict(now, DisruptionTransition.Entered, threshold, bounds, shortWindow)
                : new DisruptionVerdict(null, DisruptionTransition.None, threshold, bounds, shortWindow);
        }

        if (longWindow.Total == 0)
        {
            return new DisruptionVerdict(null, DisruptionTransition.TrafficStopped, threshold, bounds, shortWindow);
        }

        if (bounds.Upper < _options.RecoveryFactor * threshold)
        {
            return new DisruptionVerdict(null, DisruptionTransition.Recovered, threshold, bounds, shortWindow);
        }

        return new DisruptionVerdict(previous.DisruptedSince, DisruptionTransition.None, threshold, bounds, shortWindow);
    }
}
