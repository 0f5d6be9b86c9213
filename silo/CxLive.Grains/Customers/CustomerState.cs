using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Customers;

/// <summary>
/// What a customer grain persists when its profile, feedback or timeline change (version 2: stored forms of their own,
/// <see cref="CustomerRecords"/>; a state of an older build is upgraded once on activation). Never renumber an [Id].
/// </summary>
[GenerateSerializer, Alias("cxlive.CustomerState")]
public sealed class CustomerState
{
    public const int MaxTimeline = 200;
    public const int MaxFeedback = 200;
    public const int MaxFeedbackIds = 5000;

    public const int CurrentVersion = 2;

    /// <summary>Written by builds before version 2 (the message type itself): read once by <see cref="Upgrade"/>.</summary>
    [Id(0)] public CustomerProfile? LegacyProfile { get; set; }
    [Id(1)] public DateTimeOffset? ProfileUpdatedAt { get; set; }

    /// <summary>Written by builds before version 2: read once by <see cref="Upgrade"/>.</summary>
    [Id(2)] public List<TimelineEntry>? LegacyTimeline { get; set; }
    [Id(3)] public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>Written by builds before version 2: read once by <see cref="Upgrade"/>.</summary>
    [Id(4)] public List<FeedbackItem>? LegacyFeedback { get; set; }

    /// <summary>Ids of feedback already stored, newest last: a replay is acknowledged, not counted twice.</summary>
    [Id(5)] public List<string> FeedbackIds { get; set; } = [];
    /// <summary>Written by builds before version 2: read once by <see cref="Upgrade"/>.</summary>
    [Id(6)] public List<ScorePoint>? LegacyScoreHistory { get; set; }
    [Id(7)] public string? Quadrant { get; set; }
    [Id(8)] public int DetractorSignals { get; set; }
    [Id(9)] public int KnownFirst { get; set; }
    [Id(10)] public double LeadSecondsTotal { get; set; }

    /// <summary>Written by builds before the alert memory moved to <see cref="TelemetryCheckpoint"/>: read once, then null.</summary>
    [Id(11)] public List<string>? AlertHolding { get; set; }

    /// <summary>Written by builds before the alert memory moved to <see cref="TelemetryCheckpoint"/>: read once, then null.</summary>
    [Id(12)] public List<AlertSummary>? OpenAlerts { get; set; }

    [Id(13)] public int Version { get; set; }

    [Id(14)] public ProfileRecord? Profile { get; set; }

    /// <summary>What happened to the customer, oldest first (bounded by <see cref="MaxTimeline"/>).</summary>
    [Id(15)] public List<TimelineRecord> Timeline { get; set; } = [];

    /// <summary>The most recent feedback, newest last (bounded by <see cref="MaxFeedback"/>).</summary>
    [Id(16)] public List<FeedbackRecord> Feedback { get; set; } = [];

    /// <summary>The published scores, oldest first (bounded by Scoring:ScoreHistory).</summary>
    [Id(17)] public List<ScoreRecord> ScoreHistory { get; set; } = [];

    /// <summary>Moves what an older build stored into the stored forms of version 2 (written with the next write).</summary>
    public void Upgrade()
    {
        if (Version >= CurrentVersion)
        {
            return;
        }

        Profile ??= LegacyProfile?.ToRecord();
        Timeline = [.. (LegacyTimeline ?? []).Select(e => e.ToRecord()), .. Timeline];
        Feedback = [.. (LegacyFeedback ?? []).Select(f => f.ToRecord()), .. Feedback];
        ScoreHistory = [.. (LegacyScoreHistory ?? []).Select(p => p.ToRecord()), .. ScoreHistory];
        (LegacyProfile, LegacyTimeline, LegacyFeedback, LegacyScoreHistory) = (null, null, null, null);
        Version = CurrentVersion;
    }

    public void AddFeedback(FeedbackRecord item)
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

    public void AddToTimeline(TimelineRecord entry)
    {
        Timeline.Add(entry);
        if (Timeline.Count > MaxTimeline)
        {
            Timeline.RemoveRange(0, Timeline.Count - MaxTimeline);
        }
    }
}
