namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>
/// What a customer said (POST /api/v1/feedback), as stored: with the evidence of the moment it arrived and, for
/// complaints and detractors, whether CxLive had flagged the customer first and by how long.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.FeedbackItem")]
public sealed record FeedbackItem
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public string? Touchpoint { get; init; }
    [Id(3)] public required DateTimeOffset Timestamp { get; init; }
    [Id(4)] public required string Kind { get; init; }
    [Id(5)] public double? Score { get; init; }
    [Id(6)] public string? Comment { get; init; }
    [Id(7)] public string? Channel { get; init; }
    [Id(8)] public string? Program { get; init; }
    [Id(9)] public DateTimeOffset ReceivedAt { get; init; }
    [Id(10)] public IReadOnlyList<FeedbackEvidence> Evidence { get; init; } = [];

    /// <summary>For complaints and detractors: true when CxLive had flagged the customer before; null for other feedback.</summary>
    [Id(11)] public bool? KnownFirst { get; init; }
    [Id(12)] public double? LeadSeconds { get; init; }
}
