namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>One customer's counts on one touchpoint since the last flush, with the median of sampled raw latencies.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointTelemetry")]
public sealed record TouchpointTelemetry(
    [property: Id(0)] string Touchpoint,
    [property: Id(1)] SlotCounts[] Slots,
    [property: Id(2)] double? MedianLatencyMs);
