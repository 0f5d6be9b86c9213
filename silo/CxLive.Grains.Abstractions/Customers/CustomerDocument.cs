namespace CxLive.Grains.Abstractions.Customers;

/// <summary>
/// The customer document of GET /api/v1/customers/{id}: the profile with the live state beside it.
/// Live parts stay empty until telemetry and feedback arrive.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.CustomerDocument")]
public sealed record CustomerDocument
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public required CustomerProfile Profile { get; init; }
    [Id(2)] public double? ExperienceScore { get; init; }
    [Id(3)] public string? Quadrant { get; init; }
    [Id(4)] public DateTimeOffset? ProfileUpdatedAt { get; init; }
}
