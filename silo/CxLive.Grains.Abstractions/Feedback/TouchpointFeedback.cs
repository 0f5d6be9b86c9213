namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>One piece of feedback about a touchpoint, for the touchpoint's own perception (no customer, no verbatim).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointFeedback")]
public sealed record TouchpointFeedback(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] double? Score);
