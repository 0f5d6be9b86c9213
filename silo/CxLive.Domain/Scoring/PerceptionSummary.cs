namespace CxLive.Domain.Scoring;

/// <summary>
/// What customers say, recency-weighted (see <see cref="Perception"/> for the formulas). <see cref="Nps"/> is -100..100,
/// <see cref="Csat"/> the satisfied share 0..1, <see cref="Ces"/> the mean effort answer, <see cref="Score"/> 0-100.
/// Counts are plain counts: <see cref="Promoters"/> and <see cref="Detractors"/> are NPS answers (9-10 and 0-6);
/// <see cref="Complaints"/> and <see cref="Praise"/> are counted on their own, though they also enter the NPS as
/// detractor and promoter signals. <see cref="Responses"/> counts every signal, comments included.
/// </summary>
public sealed record PerceptionSummary(
    double? Nps,
    double? Csat,
    double? Ces,
    int Responses,
    int Promoters,
    int Detractors,
    int Complaints,
    int Praise,
    IReadOnlyDictionary<string, PerceptionBreakdown> ByChannel,
    IReadOnlyDictionary<string, PerceptionBreakdown> ByProgram,
    double? Score)
{
    private static readonly IReadOnlyDictionary<string, PerceptionBreakdown> None = new Dictionary<string, PerceptionBreakdown>(StringComparer.Ordinal);

    /// <summary>No feedback at all: every figure null, every count 0.</summary>
    public static PerceptionSummary Empty { get; } = new(null, null, null, 0, 0, 0, 0, 0, None, None, null);

    /// <summary>Weighted share (0..1) of the NPS pool that is NPS detractor answers; null without an NPS. Explains the score.</summary>
    public double? DetractorShare { get; init; }

    /// <summary>Weighted share (0..1) of the NPS pool that is complaints; null without an NPS. Explains the score.</summary>
    public double? ComplaintShare { get; init; }
}
