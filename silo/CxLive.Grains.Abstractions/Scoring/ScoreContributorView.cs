namespace CxLive.Grains.Abstractions.Scoring;

/// <summary>One line of a score's explanation: "checkout disrupted -22".</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ScoreContributorView")]
public sealed record ScoreContributorView([property: Id(0)] string Label, [property: Id(1)] string? Touchpoint, [property: Id(2)] double Points);
