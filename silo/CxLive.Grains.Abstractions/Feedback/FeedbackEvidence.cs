namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>What the customer had just lived through on one touchpoint when a piece of feedback arrived.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.FeedbackEvidence")]
public sealed record FeedbackEvidence(
    [property: Id(0)] string Touchpoint,
    [property: Id(1)] bool Disrupted,
    [property: Id(2)] bool Degraded,
    [property: Id(3)] double BadRatio,
    [property: Id(4)] long Events,
    [property: Id(5)] DateTimeOffset? DisruptedSince);
