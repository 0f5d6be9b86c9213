namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Customers active on a touchpoint, how many are disrupted, and the annual revenue they carry.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerImpact")]
public sealed record CustomerImpact(
    [property: Id(0)] int Active,
    [property: Id(1)] int Disrupted,
    [property: Id(2)] double RevenueDisrupted)
{
    /// <summary>Annual revenue of the active customers: the denominator of the revenue-weighted share.</summary>
    [Id(3)] public double RevenueActive { get; init; }
}
