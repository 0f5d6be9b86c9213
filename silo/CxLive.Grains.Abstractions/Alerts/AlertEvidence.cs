using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>What the customer lived through and said when the alert was raised (refreshed when evidence folds in).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertEvidence")]
public sealed record AlertEvidence
{
    [Id(0)] public IReadOnlyList<TouchpointRow> Touchpoints { get; init; } = [];
    [Id(1)] public IReadOnlyList<FeedbackItem> Feedback { get; init; } = [];
    [Id(2)] public double? AnnualRevenue { get; init; }
    [Id(3)] public double? ExperienceScore { get; init; }
    [Id(4)] public string? Quadrant { get; init; }

    /// <summary>Path of the customer view: <c>/customers/{id}</c>.</summary>
    [Id(5)] public required string Link { get; init; }
}
