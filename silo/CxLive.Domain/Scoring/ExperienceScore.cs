namespace CxLive.Domain.Scoring;

/// <summary>
/// A customer's experience score (0-100) with its parts (null when the part has nothing to go on) and the largest
/// contributors, most important first (see <see cref="ExperienceScoring"/>).
/// </summary>
public sealed record ExperienceScore(double Score, double? Operational, double? Perception, IReadOnlyList<ScoreContributor> Explanation);
