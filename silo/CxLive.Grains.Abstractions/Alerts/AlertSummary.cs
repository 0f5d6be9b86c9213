namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>An alert in brief: a customer document's <c>openAlerts</c>, and a row of the alert index.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertSummary")]
public sealed record AlertSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public required string Reason { get; init; }
    [Id(3)] public required string Severity { get; init; }
    [Id(4)] public required string State { get; init; }
    [Id(5)] public required string AccountManager { get; init; }
    [Id(6)] public required DateTimeOffset OpenedAt { get; init; }
    [Id(7)] public required string Title { get; init; }
    [Id(8)] public bool Escalated { get; init; }
    [Id(9)] public string? EscalatedTo { get; init; }
    [Id(10)] public bool Cleared { get; init; }
    [Id(11)] public bool Silenced { get; init; }
    [Id(12)] public int Version { get; init; }
}
