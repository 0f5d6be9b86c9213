namespace CxLive.Grains.Abstractions.Touchpoints;

public static class TouchpointDefinitionDefaults
{
    /// <summary>The numbers a judgement uses: the definition's own, else the defaults.</summary>
    public static (double LatencyThresholdMs, double SloTarget, double Weight) Effective(this TouchpointDefinition? definition) =>
        (definition?.LatencyThresholdMs ?? TouchpointDefinition.DefaultLatencyThresholdMs,
         definition?.SloTarget ?? TouchpointDefinition.DefaultSloTarget,
         definition?.Weight ?? TouchpointDefinition.DefaultWeight);
}
