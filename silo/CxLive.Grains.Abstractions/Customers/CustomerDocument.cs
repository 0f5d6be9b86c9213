using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Abstractions.Customers;

/// <summary>
/// The customer document of GET /api/v1/customers/{id} and the hub's <c>customerChanged</c>: the profile with the
/// live experience state beside it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerDocument")]
public sealed record CustomerDocument
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public required CustomerProfile Profile { get; init; }
    [Id(2)] public double? ExperienceScore { get; init; }
    [Id(3)] public string? Quadrant { get; init; }
    [Id(4)] public DateTimeOffset? ProfileUpdatedAt { get; init; }
    [Id(5)] public IReadOnlyList<TouchpointRow> Touchpoints { get; init; } = [];
    [Id(6)] public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    [Id(7)] public bool Disrupted { get; init; }
    [Id(8)] public bool Degraded { get; init; }
    [Id(9)] public DateTimeOffset AsOf { get; init; }
    [Id(10)] public PerceptionView? Feedback { get; init; }
    [Id(11)] public IReadOnlyList<FeedbackItem> RecentFeedback { get; init; } = [];
    [Id(12)] public double? OperationalScore { get; init; }
    [Id(13)] public double? PerceptionScore { get; init; }
    [Id(14)] public IReadOnlyList<ScoreContributorView> Explanation { get; init; } = [];
    [Id(15)] public IReadOnlyList<ScorePoint> ScoreHistory { get; init; } = [];

    /// <summary>The customer's alerts not yet resolved, in brief.</summary>
    [Id(16)] public IReadOnlyList<AlertSummary> OpenAlerts { get; init; } = [];
}
