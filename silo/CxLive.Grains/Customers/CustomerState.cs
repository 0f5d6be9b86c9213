using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Customers;

/// <summary>What a customer grain persists when its profile, feedback or timeline change. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.CustomerState")]
public sealed class CustomerState
{
    public const int MaxTimeline = 200;
    public const int MaxFeedback = 200;
    public const int MaxFeedbackIds = 5000;

    [Id(0)] public CustomerProfile? Profile { get; set; }
    [Id(1)] public DateTimeOffset? ProfileUpdatedAt { get; set; }
    [Id(2)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(3)] public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>The most recent feedback, newest last (bounded by <see cref="MaxFeedback"/>).</summary>
    [Id(4)] public List<FeedbackItem> Feedback { get; set; } = [];

    /// <summary>Ids of feedback already stored, newest last: a replay is acknowledged, not counted twice.</summary>
    [Id(5)] public List<string> FeedbackIds { get; set; } = [];
    [Id(6)] public List<ScorePoint> ScoreHistory { get; set; } = [];
    [Id(7)] public string? Quadrant { get; set; }
    [Id(8)] public int DetractorSignals { get; set; }
    [Id(9)] public int KnownFirst { get; set; }
    [Id(10)] public double LeadSecondsTotal { get; set; }

    /// <summary>Written by builds before the alert memory moved to <see cref="TelemetryCheckpoint"/>: read once, then null.</summary>
    [Id(11)] public List<string>? AlertHolding { get; set; }

    /// <summary>Written by builds before the alert memory moved to <see cref="TelemetryCheckpoint"/>: read once, then null.</summary>
    [Id(12)] public List<AlertSummary>? OpenAlerts { get; set; }

    public void AddFeedback(FeedbackItem item)
    {
        Feedback.Add(item);
        if (Feedback.Count > MaxFeedback)
        {
            Feedback.RemoveRange(0, Feedback.Count - MaxFeedback);
        }

        FeedbackIds.Add(item.Id);
        if (FeedbackIds.Count > MaxFeedbackIds)
        {
            FeedbackIds.RemoveRange(0, FeedbackIds.Count - MaxFeedbackIds);
        }
    }

    public void AddToTimeline(TimelineEntry entry)
    {
        Timeline.Add(entry);
        if (Timeline.Count > MaxTimeline)
        {
            Timeline.RemoveRange(0, Timeline.Count - MaxTimeline);
        }
    }
}
