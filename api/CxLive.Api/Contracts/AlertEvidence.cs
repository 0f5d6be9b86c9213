namespace CxLive.Api.Contracts;

/// <summary>What the customer lived through and said when the alert was raised (refreshed when evidence folds in).</summary>
public sealed record AlertEvidence
{
    public IReadOnlyList<TouchpointRow> Touchpoints { get; init; } = [];
    public IReadOnlyList<FeedbackItem> Feedback { get; init; } = [];
    public double? AnnualRevenue { get; init; }
    public double? ExperienceScore { get; init; }
    public string? Quadrant { get; init; }

    /// <summary>Path of the customer view: <c>/customers/{id}</c>.</summary>
    public required string Link { get; init; }
}
