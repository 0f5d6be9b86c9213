namespace CxLive.Api.Contracts;

/// <summary>
/// An alert for an account manager (API.md "Alert", plus the fields after <see cref="History"/>): one per customer and
/// reason while not resolved; later evidence folds into it. Immutable: every change is a new version.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }

    /// <summary><c>at-risk</c>, <c>disrupted</c>, <c>feedback-while-disrupted</c> or <c>score-drop</c>.</summary>
    public required string Reason { get; init; }

    /// <summary><c>critical</c>, <c>warning</c> or <c>info</c> (see AlertReasons.Severity).</summary>
    public required string Severity { get; init; }

    /// <summary>Who the alert is routed to: the customer's account manager, else Alerts:DefaultOwner.</summary>
    public required string AccountManager { get; init; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
    public required string State { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public required AlertEvidence Evidence { get; init; }
    public IReadOnlyList<AlertHistoryEntry> History { get; init; } = [];

    /// <summary>1 when raised, +1 on every change that is pushed and delivered.</summary>
    public int Version { get; init; } = 1;
    public string? Touchpoint { get; init; }

    /// <summary>Short and made of facts only (never what a customer wrote).</summary>
    public required string Title { get; init; }
    public int Occurrences { get; init; } = 1;
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>True once the condition that raised the alert no longer holds (until it holds again).</summary>
    public bool Cleared { get; init; }
    public DateTimeOffset? ClearedAt { get; init; }
    public bool Escalated { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public string? EscalatedTo { get; init; }

    /// <summary>A silence matched when the alert was raised: it is recorded, never pushed or delivered.</summary>
    public bool Silenced { get; init; }
    public string? SilenceId { get; init; }

    /// <summary>The webhook deliveries of this alert's changes (filled in when read; empty inside the grains).</summary>
    public IReadOnlyList<WebhookDelivery> Delivery { get; init; } = [];
}
