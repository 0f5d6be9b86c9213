namespace CxLive.Api.Ingest.Feedback;

/// <summary>One feedback item as senders write it (API.md, POST /api/v1/feedback).</summary>
internal sealed record FeedbackRequest(
    string? Id,
    string? CustomerId,
    string? Touchpoint,
    DateTimeOffset? Timestamp,
    string? Kind,
    double? Score,
    string? Comment,
    string? Channel,
    string? Program)
{
    public const int MaxCommentLength = 4000;
}

/// <summary>The 202 answer: accepted (new and replayed), rejected with index and reason, and how many were replays.</summary>
internal sealed record FeedbackResult(int Accepted, IReadOnlyList<FeedbackRejection> Rejected, int Duplicates);
