namespace CxLive.Api.Contracts;

/// <summary>What the company sees of a touchpoint over the long window, all customers together (SCORING.md 2).</summary>
public sealed record InternalKpi
{
    public double Availability { get; init; } = 1;
    public double? P50LatencyMs { get; init; }
    public double? P95LatencyMs { get; init; }
    public double? P99LatencyMs { get; init; }
    public double SloTarget { get; init; }
    public double LatencyThresholdMs { get; init; }
    public bool Healthy { get; init; } = true;
    public long Events { get; init; }
}
