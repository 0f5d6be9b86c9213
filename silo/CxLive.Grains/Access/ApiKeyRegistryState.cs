namespace CxLive.Grains.Access;

/// <summary>What the key registry persists: its keys in their stored form (<see cref="ApiKeyRecord"/>). Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.ApiKeyRegistryState")]
public sealed class ApiKeyRegistryState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<ApiKeyRecord> Keys { get; set; } = [];
}
