namespace CxLive.Api.Contracts;

/// <summary>One row of a customer document's <c>touchpoints</c> (API.md).</summary>
public sealed record TouchpointRow
{
    public required string Touchpoint { get; init; }
    public long Events { get; init; }
    public double BadRatio { get; init; }
    public double Sli { get; init; }
    public bool Disrupted { get; init; }
    public DateTimeOffset? DisruptedSince { get; init; }
    public bool Degraded { get; init; }
    public double? BaselineBadRatio { get; init; }
    public long ShortWindowEvents { get; init; }
    public double ShortWindowBadRatio { get; init; }
    public double? MedianLatencyMs { get; init; }
    public double? BaselineMedianLatencyMs { get; init; }
    public double Threshold { get; init; }
}
