namespace CxLive.Api.Contracts;

/// <summary>What the customer had just lived through on one touchpoint when a piece of feedback arrived.</summary>
public sealed record FeedbackEvidence(
    string Touchpoint,
    bool Disrupted,
    bool Degraded,
    double BadRatio,
    long Events,
    DateTimeOffset? DisruptedSince);
