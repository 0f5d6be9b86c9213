using CxLive.Domain;

namespace CxLive.Api.Contracts;

/// <summary>
/// Where in the journey an interaction happens (PUT /api/v1/touchpoints/{id}).
/// Unset numbers take defaults when the touchpoint is judged (latency 1000 ms, SLO 0.995, weight 1).
/// </summary>
public sealed record TouchpointDefinition
{
    public string? Name { get; init; }
    public string? JourneyStage { get; init; }
    public int? JourneyOrder { get; init; }
    public string? Owner { get; init; }
    public double? LatencyThresholdMs { get; init; }
    public double? SloTarget { get; init; }
    public double? Weight { get; init; }

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
