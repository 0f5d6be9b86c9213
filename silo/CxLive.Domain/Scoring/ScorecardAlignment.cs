namespace CxLive.Domain.Scoring;

/// <summary>
/// Scorecard alignment (SCORING.md 6):
/// <code>
/// internal KPI | customers | alignment
/// healthy      | healthy   | celebrate
/// healthy      | poor      | blind-spot
/// poor         | poor      | known-issue
/// poor         | healthy   | review-kpi
/// </code>
/// </summary>
public static class ScorecardAlignment
{
    public static string ToWire(Alignment a) => a switch
    {
        Alignment.Celebrate => "celebrate",
        Alignment.BlindSpot => "blind-spot",
        Alignment.KnownIssue => "known-issue",
        Alignment.ReviewKpi => "review-kpi",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, "Unknown alignment."),
    };

    public static Alignment Of(bool internalHealthy, bool externalHealthy) => (internalHealthy, externalHealthy) switch
    {
        (true, true) => Alignment.Celebrate,
        (true, false) => Alignment.BlindSpot,
        (false, false) => Alignment.KnownIssue,
        (false, true) => Alignment.ReviewKpi,
    };

    /// <summary>
    /// The customers' side is healthy when <c>shareNotDisrupted >= target</c> and the feedback score (0-100) is
    /// unknown or at least <paramref name="feedbackFloor"/> (<see cref="ScoringOptions.ExternalFeedbackFloor"/>).
    /// </summary>
    public static bool ExternalHealthy(double shareNotDisrupted, double target, double? feedbackScore, double feedbackFloor) =>
        shareNotDisrupted >= target && (feedbackScore is not { } score || score >= feedbackFloor);
}
