using CxLive.Domain.Scoring;

namespace CxLive.Domain.Tests.Scoring;

/// <summary>Shorthand for building feedback in tests.</summary>
internal static class Feedback
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static FeedbackSignal Nps(double score, DateTimeOffset? at = null, string? channel = null, string? program = null) =>
        new(at ?? Now, FeedbackKind.Nps, score, channel, program, null);

    public static FeedbackSignal Csat(double score, DateTimeOffset? at = null) => new(at ?? Now, FeedbackKind.Csat, score, null, null, null);

    public static FeedbackSignal Ces(double score, DateTimeOffset? at = null) => new(at ?? Now, FeedbackKind.Ces, score, null, null, null);

    public static FeedbackSignal Of(FeedbackKind kind, DateTimeOffset? at = null) => new(at ?? Now, kind, null, null, null, null);
}
