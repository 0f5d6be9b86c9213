using CxLive.Grains.Abstractions.Access;

namespace CxLive.Grains.Access;

/// <summary>The registry of API keys. Keys are few and change rarely; api processes cache the snapshot.</summary>
internal sealed class ApiKeyRegistryGrain(
    [PersistentState("apikeys", StorageNames.Default)] IPersistentState<ApiKeyRegistryState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IApiKeyRegistryGrain
{
    public async Task<ApiKeySnapshot> Add(ApiKey key)
    {
        if (state.State.Keys.Exists(k => k.Id == key.Id))
        {
            throw new ArgumentException($"A key with id '{key.Id}' exists already.", nameof(key));
        }

        state.State.Keys.Add(key.ToRecord());
        state.State.Version++;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<bool> Revoke(string id)
    {
        var index = state.State.Keys.FindIndex(k => k.Id == id);
        if (index < 0)
        {
            return false;
        }

        if (state.State.Keys[index].RevokedAt is null)
        {
            state.State.Keys[index] = state.State.Keys[index] with { RevokedAt = clock.GetUtcNow() };
            state.State.Version++;
            await state.WriteStateAsync();
        }

        return true;
    }

    public Task<ApiKeySnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    private ApiKeySnapshot Snapshot() => new(state.State.Version, [.. state.State.Keys.Select(k => k.ToKey())]);
}
