namespace CxLive.Api.Contracts;

/// <summary>
/// Where the quadrants of SCORING.md 5 divide, as the scorer applies them now: a score at or above
/// <see cref="GoodScore"/> is a good experience, annual revenue at or above <see cref="RevenueThreshold"/> good revenue.
/// </summary>
public sealed record QuadrantLines(double GoodScore, double RevenueThreshold);
