namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>What a touchpoint needs to know of one customer: sent by the customer grain only when it changes.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerOnTouchpoint")]
public sealed record CustomerOnTouchpoint(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] bool Active,
    [property: Id(2)] bool Disrupted,
    [property: Id(3)] double AnnualRevenue);
