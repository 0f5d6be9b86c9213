namespace CxLive.Grains.Abstractions.Touchpoints;

/// <summary>
/// Where in the journey an interaction happens (PUT /api/v1/touchpoints/{id}).
/// Unset numbers take the defaults below when the touchpoint is judged.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointDefinition")]
public sealed record TouchpointDefinition
{
    public const double DefaultLatencyThresholdMs = 1000;
    public const double DefaultSloTarget = 0.995;
    public const double DefaultWeight = 1;

    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? JourneyStage { get; init; }
    [Id(2)] public int? JourneyOrder { get; init; }
    [Id(3)] public string? Owner { get; init; }
    [Id(4)] public double? LatencyThresholdMs { get; init; }
    [Id(5)] public double? SloTarget { get; init; }
    [Id(6)] public double? Weight { get; init; }
}
