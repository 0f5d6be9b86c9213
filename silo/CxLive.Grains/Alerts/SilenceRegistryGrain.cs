using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>The silences, durable; ended ones are kept for <see cref="KeepEnded"/> so that alerts can still name theirs.</summary>
internal sealed class SilenceRegistryGrain(
    [PersistentState("silences", StorageNames.Default)] IPersistentState<SilenceRegistryState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ISilenceRegistryGrain
{
    public static readonly TimeSpan KeepEnded = TimeSpan.FromDays(7);

    public async Task<Silence> Add(Silence silence)
    {
        var now = clock.GetUtcNow();
        var stored = silence with { Id = "silence-" + Guid.NewGuid().ToString("N")[..12], StartsAt = now };
        state.State.Silences.RemoveAll(s => s.EndsAt < now - KeepEnded);
        state.State.Silences.Add(stored);
        await state.WriteStateAsync();
        return stored;
    }

    public Task<IReadOnlyList<Silence>> List(bool includeEnded)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Silence>>([.. state.State.Silences.Where(s => includeEnded || s.IsActive(now))]);
    }

    public async Task<bool> Remove(string silenceId)
    {
        if (state.State.Silences.RemoveAll(s => s.Id == silenceId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<Silence?> Match(string customerId, string? touchpoint, string reason)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(state.State.Silences.Find(s => s.IsActive(now) && s.Matches(customerId, touchpoint, reason)));
    }
}
