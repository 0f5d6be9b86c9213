using CxLive.Domain;

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

    public void Validate(ValidationErrors errors)
    {
        errors.RequireOptionalText(Name, "name", 200);
        errors.RequireOptionalText(JourneyStage, "journeyStage", 200);
        errors.RequireOptionalText(Owner, "owner", 200);
        errors.Require(LatencyThresholdMs is null || (LatencyThresholdMs > 0 && LatencyThresholdMs <= 3_600_000), "latencyThresholdMs", "'latencyThresholdMs' must be > 0 and at most 3600000.");
        errors.Require(SloTarget is null || (SloTarget > 0 && SloTarget < 1), "sloTarget", "'sloTarget' must be between 0 and 1, exclusive (e.g. 0.995).");
        errors.Require(Weight is null || (Weight >= 0 && Weight <= 100), "weight", "'weight' must be between 0 and 100.");
    }
}
