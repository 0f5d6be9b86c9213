namespace CxLive.Domain.Scoring;

/// <summary>
/// One piece of customer feedback as scoring sees it. <see cref="Score"/> is the answer for NPS, CSAT and CES
/// (see <see cref="FeedbackKinds.ScoreRange"/>) and null for the other kinds.
/// </summary>
public readonly record struct FeedbackSignal(DateTimeOffset At, FeedbackKind Kind, double? Score, string? Channel, string? Program, string? Touchpoint)
{
    /// <summary>An NPS answer of 0-6, or a complaint (SCORING.md 3: complaints count as detractor signals).</summary>
    public bool IsDetractor => Kind == FeedbackKind.Complaint || (Kind == FeedbackKind.Nps && Score <= 6);

    /// <summary>An NPS answer of 9-10, or praise.</summary>
    public bool IsPromoter => Kind == FeedbackKind.Praise || (Kind == FeedbackKind.Nps && Score >= 9);
}
