namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>A touchpoint's traffic in one slot across all customers, with its latency sketch as plain arrays.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.KpiSlot")]
public sealed record KpiSlot(
    [property: Id(0)] long Slot,
    [property: Id(1)] long Total,
    [property: Id(2)] long Errors,
    [property: Id(3)] long Slow,
    [property: Id(4)] int SketchFirstIndex,
    [property: Id(5)] long[] SketchCounts,
    [property: Id(6)] long SketchZeroCount);
