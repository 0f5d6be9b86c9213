namespace CxLive.Grains.Abstractions.Access;

/// <summary>The one registry of API keys (key 0). Changes are durable before they return.</summary>
[Alias("cxlive.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task<ApiKeySnapshot> Add(ApiKey key);

    /// <summary>Marks a key revoked; false when no such key exists.</summary>
    [Alias("Revoke")]
    Task<bool> Revoke(string id);

    [Alias("GetSnapshot")]
    Task<ApiKeySnapshot> GetSnapshot();
}
