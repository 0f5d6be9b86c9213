namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>Filters of GET /api/v1/alerts; null matches all. <see cref="AccountManager"/> matches the owner or the escalation owner.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertQuery")]
public sealed record AlertQuery
{
    [Id(0)] public string? State { get; init; }
    [Id(1)] public string? AccountManager { get; init; }
    [Id(2)] public string? CustomerId { get; init; }
    [Id(3)] public int Limit { get; init; } = 500;

    /// <summary>When set, only alerts owned (or escalated to) one of these account managers (a key's book).</summary>
    [Id(4)] public IReadOnlyList<string>? AccountManagers { get; init; }
}
