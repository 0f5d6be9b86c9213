namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>What the company sees of a touchpoint over the long window, all customers together (SCORING.md 2).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.InternalKpi")]
public sealed record InternalKpi
{
    [Id(0)] public double Availability { get; init; } = 1;
    [Id(1)] public double? P50LatencyMs { get; init; }
    [Id(2)] public double? P95LatencyMs { get; init; }
    [Id(3)] public double? P99LatencyMs { get; init; }
    [Id(4)] public double SloTarget { get; init; }
    [Id(5)] public double LatencyThresholdMs { get; init; }
    [Id(6)] public bool Healthy { get; init; } = true;
    [Id(7)] public long Events { get; init; }
}
