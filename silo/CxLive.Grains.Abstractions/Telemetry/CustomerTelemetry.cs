namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>
/// Everything one api process received for one customer since its last flush: the one grain call per customer
/// per batch. <see cref="ReceivedAt"/> is when the oldest of it arrived, for the detection-lag metric.
/// <see cref="Sender"/> and <see cref="Sequence"/> make a retry idempotent: a call that timed out is sent again with
/// the same pair, and a customer that applied it already (and has not lost it in a crash since) ignores it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerTelemetry")]
public sealed record CustomerTelemetry(
    [property: Id(0)] TouchpointTelemetry[] Touchpoints,
    [property: Id(1)] DateTimeOffset ReceivedAt)
{
    /// <summary>The api process that sent it (an id per process start); null for callers that never retry.</summary>
    [Id(2)] public string? Sender { get; init; }

    /// <summary>Increases with every flush of <see cref="Sender"/>; a retry keeps its own.</summary>
    [Id(3)] public long Sequence { get; init; }

    /// <summary>The interactions it carries.</summary>
    public long Events => Touchpoints.Sum(t => t.Slots.Sum(s => (long)s.Total));
}
