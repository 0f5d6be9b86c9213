namespace CxLive.Grains.Abstractions.Customers;

/// <summary>
/// What the company knows about a paying customer (PUT /api/v1/customers/{id}).
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerProfile")]
public sealed record CustomerProfile
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Segment { get; init; }
    [Id(2)] public string? Region { get; init; }
    [Id(3)] public string? Vertical { get; init; }
    [Id(4)] public string? Plan { get; init; }
    [Id(5)] public double? AnnualRevenue { get; init; }
    [Id(6)] public double? PotentialRevenue { get; init; }
    [Id(7)] public string? AccountManager { get; init; }
    [Id(8)] public IReadOnlyList<string>? Tags { get; init; }
}
