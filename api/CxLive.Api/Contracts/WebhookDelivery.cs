namespace CxLive.Api.Contracts;

/// <summary>One alert change on its way to one webhook target.</summary>
public sealed record WebhookDelivery
{
    public required string AlertId { get; init; }
    public required int Version { get; init; }

    /// <summary>The configured webhook's name (never its URL or secret).</summary>
    public required string Target { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>dead-letter</c>.</summary>
    public required string State { get; init; }

    public int Attempts { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Status code or exception type of the last failure; no response bodies.</summary>
    public string? LastError { get; init; }
}
