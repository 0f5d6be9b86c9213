namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>
/// Where the quadrants of SCORING.md 5 divide, as the scorer applies them now: a score at or above
/// <see cref="GoodScore"/> is a good experience, annual revenue at or above <see cref="RevenueThreshold"/> good revenue.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.QuadrantLines")]
public sealed record QuadrantLines([property: Id(0)] double GoodScore, [property: Id(1)] double RevenueThreshold);
