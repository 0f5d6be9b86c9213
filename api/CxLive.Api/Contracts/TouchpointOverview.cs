namespace CxLive.Api.Contracts;

/// <summary>A touchpoint's row of the overview (API.md): internal KPI beside the customers actually disrupted.</summary>
public sealed record TouchpointOverview
{
    public required string Touchpoint { get; init; }
    public required InternalKpi Internal { get; init; }
    public required CustomerImpact Customers { get; init; }

    /// <summary>The internal verdict is healthy while at least one active customer is disrupted: what uptime hides.</summary>
    public bool HiddenDisruption { get; init; }
    public string? Name { get; init; }
    public string? Owner { get; init; }
    public int? JourneyOrder { get; init; }
    public string? JourneyStage { get; init; }
    public DateTimeOffset AsOf { get; init; }

    /// <summary>What customers said about this touchpoint, recency-weighted.</summary>
    public PerceptionView? Feedback { get; init; }
}
