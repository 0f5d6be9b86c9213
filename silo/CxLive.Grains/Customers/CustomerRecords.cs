using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Customers;

// A customer's stored forms (CustomerState version 2), named by aliases of their own: the messages built from them
// (documents, evidence) can change without touching what is stored. Never renumber an [Id].

/// <summary>A profile as stored.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ProfileRecord")]
public sealed record ProfileRecord
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Segment { get; init; }
    [Id(2)] public string? Region { get; init; }
    [Id(3)] public string? Vertical { get; init; }
    [Id(4)] public string? Plan { get; init; }
    [Id(5)] public double? AnnualRevenue { get; init; }
    [Id(6)] public double? PotentialRevenue { get; init; }
    [Id(7)] public string? AccountManager { get; init; }
    [Id(8)] public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary>A timeline entry as stored.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TimelineRecord")]
public sealed record TimelineRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Touchpoint,
    [property: Id(3)] string Detail);

/// <summary>A published score as stored.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ScoreRecord")]
public sealed record ScoreRecord([property: Id(0)] DateTimeOffset At, [property: Id(1)] double Score);

/// <summary>A feedback item as stored, with the evidence of the moment it arrived.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.FeedbackRecord")]
public sealed record FeedbackRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public string? Touchpoint { get; init; }
    [Id(3)] public required DateTimeOffset Timestamp { get; init; }
    [Id(4)] public required string Kind { get; init; }
    [Id(5)] public double? Score { get; init; }
    [Id(6)] public string? Comment { get; init; }
    [Id(7)] public string? Channel { get; init; }
    [Id(8)] public string? Program { get; init; }
    [Id(9)] public DateTimeOffset ReceivedAt { get; init; }
    [Id(10)] public IReadOnlyList<FeedbackEvidenceRecord> Evidence { get; init; } = [];
    [Id(11)] public bool? KnownFirst { get; init; }
    [Id(12)] public double? LeadSeconds { get; init; }
}

/// <summary>One touchpoint's verdicts when a feedback item arrived, as stored.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.FeedbackEvidenceRecord")]
public sealed record FeedbackEvidenceRecord(
    [property: Id(0)] string Touchpoint,
    [property: Id(1)] bool Disrupted,
    [property: Id(2)] bool Degraded,
    [property: Id(3)] double BadRatio,
    [property: Id(4)] long Events,
    [property: Id(5)] DateTimeOffset? DisruptedSince);

/// <summary>Between the stored forms and the messages, generated at compile time (Mapperly), every member required both ways.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class CustomerRecords
{
    public static partial ProfileRecord ToRecord(this CustomerProfile profile);

    public static partial CustomerProfile ToMessage(this ProfileRecord profile);

    public static partial TimelineRecord ToRecord(this TimelineEntry entry);

    public static partial TimelineEntry ToMessage(this TimelineRecord entry);

    public static partial ScoreRecord ToRecord(this ScorePoint point);

    public static partial ScorePoint ToMessage(this ScoreRecord point);

    public static partial FeedbackRecord ToRecord(this FeedbackItem item);

    public static partial FeedbackItem ToMessage(this FeedbackRecord item);

    private static partial FeedbackEvidenceRecord ToRecord(this FeedbackEvidence evidence);

    private static partial FeedbackEvidence ToMessage(this FeedbackEvidenceRecord evidence);
}
