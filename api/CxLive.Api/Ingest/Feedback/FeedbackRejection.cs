namespace CxLive.Api.Ingest.Feedback;

/// <summary>A feedback item refused, by its position in the body (0-based), with the field that was wrong.</summary>
internal sealed record FeedbackRejection(int Index, string Error);
