namespace CxLive.Domain.Scoring;

/// <summary>Wire names and score ranges of <see cref="FeedbackKind"/>.</summary>
public static class FeedbackKinds
{
    /// <summary>Parses a wire name ("nps", "csat", "ces", "complaint", "praise", "comment"), ignoring case.</summary>
    public static bool TryParse(string wire, out FeedbackKind kind)
    {
        switch (wire?.ToLowerInvariant())
        {
            case "nps":
                kind = FeedbackKind.Nps;
                return true;
            case "csat":
                kind = FeedbackKind.Csat;
                return true;
            case "ces":
                kind = FeedbackKind.Ces;
                return true;
            case "complaint":
                kind = FeedbackKind.Complaint;
                return true;
            case "praise":
                kind = FeedbackKind.Praise;
                return true;
            case "comment":
                kind = FeedbackKind.Comment;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string ToWire(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Nps => "nps",
        FeedbackKind.Csat => "csat",
        FeedbackKind.Ces => "ces",
        FeedbackKind.Complaint => "complaint",
        FeedbackKind.Praise => "praise",
        FeedbackKind.Comment => "comment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feedback kind."),
    };

    /// <summary>Allowed score of a kind: NPS 0-10, CSAT 1-5, CES 1-7; null for kinds that carry no score.</summary>
    public static (double Min, double Max)? ScoreRange(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Nps => (0, 10),
        FeedbackKind.Csat => (1, 5),
        FeedbackKind.Ces => (1, 7),
        _ => null,
    };
}
