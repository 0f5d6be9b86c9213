namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>A touchpoint's row of the overview (API.md): internal KPI beside the customers actually disrupted.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointOverview")]
public sealed record TouchpointOverview
{
    [Id(0)] public required string Touchpoint { get; init; }
    [Id(1)] public required InternalKpi Internal { get; init; }
    [Id(2)] public required CustomerImpact Customers { get; init; }

    /// <summary>The internal verdict is healthy while at least one active customer is disrupted: what uptime hides.</summary>
    [Id(3)] public bool HiddenDisruption { get; init; }
    [Id(4)] public string? Name { get; init; }
    [Id(5)] public string? Owner { get; init; }
    [Id(6)] public int? JourneyOrder { get; init; }
    [Id(7)] public string? JourneyStage { get; init; }
    [Id(8)] public DateTimeOffset AsOf { get; init; }

    /// <summary>What customers said about this touchpoint, recency-weighted.</summary>
    [Id(9)] public Feedback.PerceptionView? Feedback { get; init; }

    /// <summary>This row with its customers (from the customer index) and the hidden-disruption verdict they make with the KPI.</summary>
    public TouchpointOverview WithCustomers(CustomerImpact customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var impact = Domain.Touchpoints.HiddenDisruption.Of(Internal.Healthy, customers.Active, customers.Disrupted, (decimal)customers.RevenueDisrupted);
        return this with { Customers = customers, HiddenDisruption = impact.IsHidden };
    }
}
