namespace CxLive.Grains.Abstractions.Access;

/// <summary>A stored API key: only the SHA-256 hash of the secret is kept.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ApiKeyRecord")]
public sealed record ApiKeyRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string SecretHash { get; init; }
    [Id(3)] public required IReadOnlyList<string> Scopes { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; init; }
}
