namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// One change of one alert, handed to the webhook outbox after the change is durable. <see cref="AlertId"/> and
/// <see cref="Version"/> together are the idempotency key: the outbox delivers each pair once per webhook target.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertNotice")]
public sealed record AlertNotice
{
    [Id(0)] public required string AlertId { get; init; }

    /// <summary>The alert's change counter: 1 when raised, +1 on every later change.</summary>
    [Id(1)] public required int Version { get; init; }

    /// <summary>Who the alert is routed to now (the account manager, the default owner, or the escalation owner).</summary>
    [Id(2)] public required string Owner { get; init; }

    /// <summary><c>firing</c> while the alert is open or acknowledged, <c>resolved</c> once resolved.</summary>
    [Id(3)] public required string Status { get; init; }

    /// <summary>What happened: <c>raised</c>, <c>updated</c>, <c>acknowledged</c>, <c>escalated</c>, <c>cleared</c> or <c>resolved</c>.</summary>
    [Id(4)] public required string Change { get; init; }

    /// <summary>Short, stable identifiers (customerId, reason, severity, touchpoint, accountManager).</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Human text (summary, link path to the customer view). No verbatims.</summary>
    [Id(6)] public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The alert as <c>GET /api/v1/alerts</c> returns it (camelCase JSON), so receivers see one shape.</summary>
    [Id(7)] public required string AlertJson { get; init; }

    [Id(8)] public required DateTimeOffset At { get; init; }
}
