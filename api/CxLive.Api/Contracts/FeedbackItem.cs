namespace CxLive.Api.Contracts;

/// <summary>
/// What a customer said (POST /api/v1/feedback), as stored: with the evidence of the moment it arrived and, for
/// complaints and detractors, whether CxLive had flagged the customer first and by how long.
/// </summary>
public sealed record FeedbackItem
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public string? Touchpoint { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Kind { get; init; }
    public double? Score { get; init; }
    public string? Comment { get; init; }
    public string? Channel { get; init; }
    public string? Program { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public IReadOnlyList<FeedbackEvidence> Evidence { get; init; } = [];

    /// <summary>For complaints and detractors: true when CxLive had flagged the customer before; null for other feedback.</summary>
    public bool? KnownFirst { get; init; }
    public double? LeadSeconds { get; init; }
}
