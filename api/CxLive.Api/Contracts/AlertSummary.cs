namespace CxLive.Api.Contracts;

/// <summary>An alert in brief: a customer document's <c>openAlerts</c>, and a row of the alert index.</summary>
public sealed record AlertSummary
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Reason { get; init; }
    public required string Severity { get; init; }
    public required string State { get; init; }
    public required string AccountManager { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required string Title { get; init; }
    public bool Escalated { get; init; }
    public string? EscalatedTo { get; init; }
    public bool Cleared { get; init; }
    public bool Silenced { get; init; }
    public int Version { get; init; }
}
