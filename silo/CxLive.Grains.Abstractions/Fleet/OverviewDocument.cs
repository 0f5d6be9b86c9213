namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>GET /api/v1/overview and the hub's <c>overview</c> message (API.md).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.OverviewDocument")]
public sealed record OverviewDocument
{
    [Id(0)] public DateTimeOffset AsOf { get; init; }
    [Id(1)] public int CustomersActive { get; init; }
    [Id(2)] public int CustomersDisrupted { get; init; }
    [Id(3)] public double RevenueDisrupted { get; init; }
    [Id(4)] public IReadOnlyList<TouchpointOverview> Touchpoints { get; init; } = [];
    [Id(5)] public IReadOnlyList<HiddenDisruption> HiddenDisruptions { get; init; } = [];
    [Id(6)] public int CustomersKnown { get; init; }

    /// <summary>Customers and annual revenue per quadrant (model, growth, at-risk, dangling).</summary>
    [Id(7)] public IReadOnlyDictionary<string, QuadrantTally> Quadrants { get; init; } = new Dictionary<string, QuadrantTally>();

    /// <summary>Of the complaints and detractors received, how many CxLive had flagged first, and how long before.</summary>
    [Id(8)] public KnewFirstView KnewFirst { get; init; } = new(0, 0, null, null);

    /// <summary>The score and revenue lines between the quadrants, so a chart draws the regions the scorer uses.</summary>
    [Id(9)] public QuadrantLines? QuadrantLines { get; init; }
}
