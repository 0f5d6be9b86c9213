namespace CxLive.Domain.Touchpoints;

/// <summary>
/// The number uptime hides (SCORING.md 2): a touchpoint is a hidden disruption when its internal KPI is healthy
/// while at least one active customer on it is disrupted. Carries how many customers and how much annual revenue
/// that is, also when the KPI is not healthy (then the disruption is simply not hidden).
/// </summary>
public readonly record struct HiddenDisruption(int ActiveCustomers, int DisruptedCustomers, decimal RevenueDisrupted, bool IsHidden)
{
    /// <summary>Share of active customers that are disrupted; 0 without active customers.</summary>
    public double DisruptedShare => ActiveCustomers == 0 ? 0 : (double)DisruptedCustomers / ActiveCustomers;

    /// <param name="internallyHealthy">The touchpoint's <see cref="InternalKpiVerdict.IsHealthy"/>.</param>
    /// <param name="activeCustomers">Customers with traffic on the touchpoint in the long window.</param>
    /// <param name="disruptedAnnualRevenues">Annual revenue of each disrupted customer (0 when unknown).</param>
    public static HiddenDisruption Of(bool internallyHealthy, int activeCustomers, IEnumerable<decimal> disruptedAnnualRevenues)
    {
        ArgumentNullException.ThrowIfNull(disruptedAnnualRevenues);
        ArgumentOutOfRangeException.ThrowIfNegative(activeCustomers);
        var disrupted = 0;
        var revenue = 0m;
        foreach (var annualRevenue in disruptedAnnualRevenues)
        {
            disrupted++;
            revenue += Math.Max(0, annualRevenue);
        }

        return new HiddenDisruption(activeCustomers, disrupted, revenue, IsHidden: internallyHealthy && disrupted > 0);
    }

    /// <summary>The same judgement from totals: how many active customers, how many disrupted, and their summed revenue.</summary>
    public static HiddenDisruption Of(bool internallyHealthy, int activeCustomers, int disruptedCustomers, decimal revenueDisrupted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(activeCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(disruptedCustomers);
        return new HiddenDisruption(activeCustomers, disruptedCustomers, Math.Max(0, revenueDisrupted), IsHidden: internallyHealthy && disruptedCustomers > 0);
    }
}
