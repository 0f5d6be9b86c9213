namespace CxLive.Domain.Telemetry;

/// <summary>What one evaluation of a <see cref="TouchpointExperience"/> changed.</summary>
public readonly record struct ExperienceChange(DisruptionTransition Disruption, bool DegradedChanged, bool ActiveChanged)
{
    /// <summary>The verdict with its evidence (threshold, Wilson bounds, short-window counts), for the timeline.</summary>
    public DisruptionVerdict Verdict { get; init; }

    public bool Any => Disruption != DisruptionTransition.None || DegradedChanged || ActiveChanged;
}
