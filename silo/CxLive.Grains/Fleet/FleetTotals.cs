using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Fleet;

/// <summary>The customer index's counters read as the overview needs them: fleet counts and, per touchpoint, its customers.</summary>
public sealed record FleetTotals(FleetCounts Fleet, IReadOnlyDictionary<string, CustomerImpact> Touchpoints)
{
    public static FleetTotals Empty { get; } = new(new FleetCounts(0, 0, 0, 0), new Dictionary<string, CustomerImpact>());

    public CustomerImpact On(string touchpoint) => Touchpoints.TryGetValue(touchpoint, out var impact) ? impact : new CustomerImpact(0, 0, 0);
}
