namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>One row of a customer document's <c>touchpoints</c> (API.md).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointRow")]
public sealed record TouchpointRow
{
    [Id(0)] public required string Touchpoint { get; init; }
    [Id(1)] public long Events { get; init; }
    [Id(2)] public double BadRatio { get; init; }
    [Id(3)] public double Sli { get; init; }
    [Id(4)] public bool Disrupted { get; init; }
    [Id(5)] public DateTimeOffset? DisruptedSince { get; init; }
    [Id(6)] public bool Degraded { get; init; }
    [Id(7)] public double? BaselineBadRatio { get; init; }
    [Id(8)] public long ShortWindowEvents { get; init; }
    [Id(9)] public double ShortWindowBadRatio { get; init; }
    [Id(10)] public double? MedianLatencyMs { get; init; }
    [Id(11)] public double? BaselineMedianLatencyMs { get; init; }
    [Id(12)] public double Threshold { get; init; }
}
