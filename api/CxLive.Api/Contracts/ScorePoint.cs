namespace CxLive.Api.Contracts;

public sealed record ScorePoint(DateTimeOffset At, double Score);
