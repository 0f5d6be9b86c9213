namespace CxLive.Grains.Webhooks;

/// <summary>The outcome of one try of one delivery, reported by the dispatcher to the outbox.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.WebhookAttemptReport")]
public sealed record WebhookAttemptReport
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string Target { get; init; }
    [Id(3)] public required WebhookAttemptResult Result { get; init; }

    /// <summary>Status code or failure kind (<c>HTTP 503</c>, <c>timeout</c>, <c>connection failed</c>); no bodies.</summary>
    [Id(4)] public string? Error { get; init; }

    /// <summary>Classifies an HTTP answer: 2xx delivered; 408, 429 and 5xx transient; anything else refused.</summary>
    public static (WebhookAttemptResult Result, string? Error) Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => (WebhookAttemptResult.Delivered, null),
        408 or 429 or >= 500 => (WebhookAttemptResult.Transient, $"HTTP {statusCode}"),
        _ => (WebhookAttemptResult.Refused, $"HTTP {statusCode} (refused, not retried)"),
    };
}
