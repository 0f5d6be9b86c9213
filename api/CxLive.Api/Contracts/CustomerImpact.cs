namespace CxLive.Api.Contracts;

/// <summary>Customers active on a touchpoint, how many are disrupted, and the annual revenue they carry.</summary>
public sealed record CustomerImpact(
    int Active,
    int Disrupted,
    double RevenueDisrupted)
{
    /// <summary>Annual revenue of the active customers: the denominator of the revenue-weighted share.</summary>
    public double RevenueActive { get; init; }
}
