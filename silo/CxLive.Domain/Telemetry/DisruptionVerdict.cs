namespace CxLive.Domain.Telemetry;

/// <summary>
/// Outcome of <see cref="DisruptionRule.Evaluate(DisruptionVerdict, WindowCounts, WindowCounts, double, DateTimeOffset)"/>.
/// The state to keep between evaluations is <see cref="DisruptedSince"/> alone: disrupted while it has a value.
/// </summary>
/// <param name="DisruptedSince">When the current disruption started; null when not disrupted.</param>
/// <param name="Transition">What this evaluation changed.</param>
/// <param name="Threshold">Bad-ratio threshold for the touchpoint's SLO.</param>
/// <param name="Bounds">Wilson interval of the short-window bad ratio.</param>
/// <param name="ShortWindow">Short-window counts the verdict was made on.</param>
public readonly record struct DisruptionVerdict(
    DateTimeOffset? DisruptedSince,
    DisruptionTransition Transition,
    double Threshold,
    WilsonInterval Bounds,
    WindowCounts ShortWindow)
{
    public bool IsDisrupted => DisruptedSince is not null;

    public bool Entered => Transition == DisruptionTransition.Entered;

    public bool Left => Transition is DisruptionTransition.Recovered or DisruptionTransition.TrafficStopped;

    /// <summary>The state before any telemetry: not disrupted.</summary>
    public static DisruptionVerdict Calm => default;

    /// <summary>Rebuilds the state a grain persisted (only <see cref="DisruptedSince"/> matters for the next evaluation).</summary>
    public static DisruptionVerdict Restore(DateTimeOffset? disruptedSince) =>
        new(disruptedSince, DisruptionTransition.None, 0, WilsonInterval.Unknown, default);
}
