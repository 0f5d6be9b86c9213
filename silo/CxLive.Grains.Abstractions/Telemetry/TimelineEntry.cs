namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>Something that happened to a customer, for its timeline (API.md: at, kind, touchpoint, detail).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Touchpoint,
    [property: Id(3)] string Detail);
