namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>
/// Everything one api process received for one customer since its last flush: the one grain call per customer
/// per batch. <see cref="ReceivedAt"/> is when the oldest of it arrived, for the detection-lag metric.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerTelemetry")]
public sealed record CustomerTelemetry(
    [property: Id(0)] TouchpointTelemetry[] Touchpoints,
    [property: Id(1)] DateTimeOffset ReceivedAt);
