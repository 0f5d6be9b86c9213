namespace CxLive.Api.Contracts;

/// <summary>
/// The customer document of GET /api/v1/customers/{id} and the hub's <c>customerChanged</c>: the profile with the
/// live experience state beside it.
/// </summary>
public sealed record CustomerDocument
{
    public required string CustomerId { get; init; }
    public required CustomerProfile Profile { get; init; }
    public double? ExperienceScore { get; init; }
    public string? Quadrant { get; init; }
    public DateTimeOffset? ProfileUpdatedAt { get; init; }
    public IReadOnlyList<TouchpointRow> Touchpoints { get; init; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public bool Disrupted { get; init; }
    public bool Degraded { get; init; }
    public DateTimeOffset AsOf { get; init; }
    public PerceptionView? Feedback { get; init; }
    public IReadOnlyList<FeedbackItem> RecentFeedback { get; init; } = [];
    public double? OperationalScore { get; init; }
    public double? PerceptionScore { get; init; }
    public IReadOnlyList<ScoreContributorView> Explanation { get; init; } = [];
    public IReadOnlyList<ScorePoint> ScoreHistory { get; init; } = [];

    /// <summary>The customer's alerts not yet resolved, in brief.</summary>
    public IReadOnlyList<AlertSummary> OpenAlerts { get; init; } = [];
}
