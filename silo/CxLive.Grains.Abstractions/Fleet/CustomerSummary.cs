namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>A customer as lists show it (GET /api/v1/customers); the directory keeps one per customer.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerSummary")]
public sealed record CustomerSummary
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public string? AccountManager { get; init; }
    [Id(3)] public double? AnnualRevenue { get; init; }
    [Id(4)] public bool Active { get; init; }
    [Id(5)] public bool Disrupted { get; init; }
    [Id(6)] public IReadOnlyList<string> DisruptedTouchpoints { get; init; } = [];
    [Id(7)] public bool Degraded { get; init; }
    [Id(8)] public double? ExperienceScore { get; init; }
    [Id(9)] public string? Quadrant { get; init; }
    [Id(10)] public DateTimeOffset? DisruptedSince { get; init; }
    [Id(11)] public string? Segment { get; init; }
    [Id(12)] public double? PotentialRevenue { get; init; }

    /// <summary>Complaints and detractor answers received, how many CxLive had flagged first, and their summed lead.</summary>
    [Id(13)] public int DetractorSignals { get; init; }
    [Id(14)] public int KnownFirst { get; init; }
    [Id(15)] public double LeadSecondsTotal { get; init; }
}
