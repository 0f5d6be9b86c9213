using CxLive.Grains.Abstractions.Access;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Access;

/// <summary>
/// An API key as the registry persists it (<see cref="ApiKeyRegistryState"/>): the stored form of its own, so the
/// message (<see cref="ApiKey"/>) can change without touching what is stored. Its alias is the one earlier builds
/// stored the message under, so their keys read as they are. Never renumber an [Id].
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.ApiKeyRecord")]
public sealed record ApiKeyRecord
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

/// <summary>Between the stored form and the message, generated at compile time (Mapperly): a field added to one and not the other fails the build.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class ApiKeyRecords
{
    public static partial ApiKeyRecord ToRecord(this ApiKey key);

    public static partial ApiKey ToKey(this ApiKeyRecord record);
}
