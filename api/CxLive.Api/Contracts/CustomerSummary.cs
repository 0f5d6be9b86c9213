namespace CxLive.Api.Contracts;

/// <summary>A customer as lists show it (GET /api/v1/customers); the directory keeps one per customer.</summary>
public sealed record CustomerSummary
{
    public required string CustomerId { get; init; }
    public string? Name { get; init; }
    public string? AccountManager { get; init; }
    public double? AnnualRevenue { get; init; }
    public bool Active { get; init; }
    public bool Disrupted { get; init; }
    public IReadOnlyList<string> DisruptedTouchpoints { get; init; } = [];
    public bool Degraded { get; init; }
    public double? ExperienceScore { get; init; }
    public string? Quadrant { get; init; }
    public DateTimeOffset? DisruptedSince { get; init; }
    public string? Segment { get; init; }
    public double? PotentialRevenue { get; init; }

    /// <summary>Complaints and detractor answers received, how many CxLive had flagged first, and their summed lead.</summary>
    public int DetractorSignals { get; init; }
    public int KnownFirst { get; init; }
    public double LeadSecondsTotal { get; init; }
}
