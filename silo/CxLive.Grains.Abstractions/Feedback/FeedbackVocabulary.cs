namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>The words API.md allows for a feedback item's channel and program.</summary>
public static class FeedbackVocabulary
{
    public static IReadOnlyList<string> Channels { get; } = ["survey", "support", "social", "email", "call", "other"];

    /// <summary>Persistent (transactional), periodic (relationship) or pulsed.</summary>
    public static IReadOnlyList<string> Programs { get; } = ["transactional", "relationship", "pulse"];
}
