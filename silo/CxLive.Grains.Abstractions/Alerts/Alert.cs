namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// An alert for an account manager (API.md "Alert", plus the fields after <see cref="History"/>): one per customer and
/// reason while not resolved; later evidence folds into it. Immutable: every change is a new version.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.Alert")]
public sealed record Alert
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }

    /// <summary><c>at-risk</c>, <c>disrupted</c>, <c>feedback-while-disrupted</c> or <c>score-drop</c>.</summary>
    [Id(2)] public required string Reason { get; init; }

    /// <summary><c>critical</c>, <c>warning</c> or <c>info</c> (see AlertReasons.Severity).</summary>
    [Id(3)] public required string Severity { get; init; }

    /// <summary>Who the alert is routed to: the customer's account manager, else Alerts:DefaultOwner.</summary>
    [Id(4)] public required string AccountManager { get; init; }

    /// <summary><c>open</c>, <c>acknowledged</c> or <c>resolved</c>.</summary>
    [Id(5)] public required string State { get; init; }

    [Id(6)] public required DateTimeOffset OpenedAt { get; init; }
    [Id(7)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(8)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(9)] public required AlertEvidence Evidence { get; init; }
    [Id(10)] public IReadOnlyList<AlertHistoryEntry> History { get; init; } = [];

    /// <summary>1 when raised, +1 on every change that is pushed and delivered.</summary>
    [Id(11)] public int Version { get; init; } = 1;
    [Id(12)] public string? Touchpoint { get; init; }

    /// <summary>Short and made of facts only (never what a customer wrote).</summary>
    [Id(13)] public required string Title { get; init; }
    [Id(14)] public int Occurrences { get; init; } = 1;
    [Id(15)] public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>True once the condition that raised the alert no longer holds (until it holds again).</summary>
    [Id(16)] public bool Cleared { get; init; }
    [Id(17)] public DateTimeOffset? ClearedAt { get; init; }
    [Id(18)] public bool Escalated { get; init; }
    [Id(19)] public DateTimeOffset? EscalatedAt { get; init; }
    [Id(20)] public string? EscalatedTo { get; init; }

    /// <summary>A silence matched when the alert was raised: it is recorded, never pushed or delivered.</summary>
    [Id(21)] public bool Silenced { get; init; }
    [Id(22)] public string? SilenceId { get; init; }

    /// <summary>The webhook deliveries of this alert's changes (filled in when read; empty inside the grains).</summary>
    [Id(23)] public IReadOnlyList<WebhookDelivery> Delivery { get; init; } = [];

    /// <summary>Open or acknowledged: not resolved yet.</summary>
    public bool IsOpen() => State != Domain.Alerts.AlertStates.Resolved;

    public AlertSummary Summary() => new()
    {
        Id = Id,
        CustomerId = CustomerId,
        Reason = Reason,
        Severity = Severity,
        State = State,
        AccountManager = AccountManager,
        OpenedAt = OpenedAt,
        Title = Title,
        Escalated = Escalated,
        EscalatedTo = EscalatedTo,
        Cleared = Cleared,
        Silenced = Silenced,
        Version = Version,
    };
}
