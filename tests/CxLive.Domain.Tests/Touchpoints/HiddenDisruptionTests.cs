using CxLive.Domain.Touchpoints;

namespace CxLive.Domain.Tests.Touchpoints;

public sealed class HiddenDisruptionTests
{
    [Fact]
    public void A_healthy_kpi_with_disrupted_customers_hides_them_and_their_revenue()
    {
        var hidden = HiddenDisruption.Of(internallyHealthy: true, activeCustomers: 2_000, [1_200_000m, 1_100_000m]);

        Assert.True(hidden.IsHidden);
        Assert.Equal(2, hidden.DisruptedCustomers);
        Assert.Equal(2_300_000m, hidden.RevenueDisrupted);
        Assert.Equal(0.001, hidden.DisruptedShare, 12);
    }

    [Fact]
    public void An_unhealthy_kpi_hides_nothing_but_still_counts()
    {
        var known = HiddenDisruption.Of(internallyHealthy: false, activeCustomers: 10, [5m]);

        Assert.False(known.IsHidden);
        Assert.Equal(1, known.DisruptedCustomers);
    }

    [Fact]
    public void Nobody_disrupted_is_not_a_hidden_disruption() =>
        Assert.False(HiddenDisruption.Of(internallyHealthy: true, activeCustomers: 10, []).IsHidden);
}
