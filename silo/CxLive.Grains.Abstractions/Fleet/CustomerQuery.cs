namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Filters of GET /api/v1/customers. <see cref="Sort"/>: revenue, score, name, id, disruptedSince (prefix '-' for descending).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerQuery")]
public sealed record CustomerQuery
{
    [Id(0)] public string? Quadrant { get; init; }
    [Id(1)] public bool? Disrupted { get; init; }
    [Id(2)] public string? AccountManager { get; init; }
    [Id(3)] public string? Sort { get; init; }
    [Id(4)] public int Limit { get; init; } = 100;
    [Id(5)] public int Offset { get; init; }

    /// <summary>When set, only customers of one of these account managers (a key's book); with <see cref="AccountManager"/>, both hold.</summary>
    [Id(6)] public IReadOnlyList<string>? AccountManagers { get; init; }
}
