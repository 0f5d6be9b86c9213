namespace CxLive.Domain.Telemetry;

/// <summary>What one evaluation of a <see cref="TouchpointExperience"/> changed.</summary>
public readonly record struct ExperienceChange(DisruptionTransition Disruption, bool DegradedChanged, bool ActiveChanged)
{
    public bool Any => Disruption != DisruptionTransition.None || DegradedChanged || ActiveChanged;
}
