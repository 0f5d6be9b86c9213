namespace CxLive.Api.Contracts;

/// <summary>GET /api/v1/overview and the hub's <c>overview</c> message (API.md).</summary>
public sealed record OverviewDocument
{
    public DateTimeOffset AsOf { get; init; }
    public int CustomersActive { get; init; }
    public int CustomersDisrupted { get; init; }
    public double RevenueDisrupted { get; init; }
    public IReadOnlyList<TouchpointOverview> Touchpoints { get; init; } = [];
    public IReadOnlyList<HiddenDisruption> HiddenDisruptions { get; init; } = [];
    public int CustomersKnown { get; init; }

    /// <summary>Customers and annual revenue per quadrant (model, growth, at-risk, dangling).</summary>
    public IReadOnlyDictionary<string, QuadrantTally> Quadrants { get; init; } = new Dictionary<string, QuadrantTally>();

    /// <summary>Of the complaints and detractors received, how many CxLive had flagged first, and how long before.</summary>
    public KnewFirstView KnewFirst { get; init; } = new(0, 0, null, null);

    /// <summary>The score and revenue lines between the quadrants, so a chart draws the regions the scorer uses.</summary>
    public QuadrantLines? QuadrantLines { get; init; }
}
