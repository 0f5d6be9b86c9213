namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>The headline of SCORING.md 3: the share of complaints and detractors CxLive had flagged first.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.KnewFirstView")]
public sealed record KnewFirstView(
    [property: Id(0)] int Signals,
    [property: Id(1)] int KnownFirst,
    [property: Id(2)] double? Rate,
    [property: Id(3)] double? MeanLeadSeconds);
