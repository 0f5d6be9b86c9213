namespace CxLive.Grains.Abstractions.Access;

/// <summary>An API key as the registry answers it: only the SHA-256 hash of the secret is ever kept or sent.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.ApiKey")]
public sealed record ApiKey
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string SecretHash { get; init; }
    [Id(3)] public required IReadOnlyList<string> Scopes { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The account managers whose book this key is bound to; empty: the whole fleet.</summary>
    [Id(6)] public IReadOnlyList<string> AccountManagers { get; init; } = [];
}
