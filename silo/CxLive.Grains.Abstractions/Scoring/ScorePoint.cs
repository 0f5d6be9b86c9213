namespace CxLive.Grains.Abstractions.Scoring;

[GenerateSerializer, Immutable, Alias("cxlive.ScorePoint")]
public sealed record ScorePoint([property: Id(0)] DateTimeOffset At, [property: Id(1)] double Score);
