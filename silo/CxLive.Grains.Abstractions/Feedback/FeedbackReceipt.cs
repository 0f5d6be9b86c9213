namespace CxLive.Grains.Abstractions.Feedback;

/// <summary>How many items were new, and how many were replays of ids already stored (acknowledged, not counted again).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.FeedbackReceipt")]
public sealed record FeedbackReceipt([property: Id(0)] int Stored, [property: Id(1)] int Duplicates);
