namespace CxLive.Domain.Scoring;

/// <summary>
/// One reason the experience score is what it is: <see cref="Points"/> is signed (negative pulls the score down
/// from 100); <see cref="Touchpoint"/> is null for feedback.
/// </summary>
public sealed record ScoreContributor(string Label, string? Touchpoint, double Points);
