namespace CxLive.Domain.Scoring;

/// <summary>What a piece of customer feedback is (SCORING.md 3). Wire names in <see cref="FeedbackKinds"/>.</summary>
public enum FeedbackKind
{
    /// <summary>Net Promoter answer, 0-10: promoter 9-10, passive 7-8, detractor 0-6.</summary>
    Nps,

    /// <summary>Satisfaction answer, 1-5: 4-5 counts as satisfied.</summary>
    Csat,

    /// <summary>Customer effort answer, 1-7 (averaged, not part of the score).</summary>
    Ces,

    /// <summary>A complaint: a detractor signal without a score.</summary>
    Complaint,

    /// <summary>Praise: a promoter signal without a score.</summary>
    Praise,

    /// <summary>Free text without a verdict: counted as a response, nothing else.</summary>
    Comment,
}
