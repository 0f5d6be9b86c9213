using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>The silences, durable; ended ones are kept for <see cref="KeepEnded"/> so that alerts can still name theirs.</summary>
internal sealed class SilenceRegistryGrain(
    [PersistentState("silences", StorageNames.Default)] IPersistentState<SilenceRegistryState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ISilenceRegistryGrain
{
    public static readonly TimeSpan KeepEnded = TimeSpan.FromDays(7);

    /// <summary>The silences as messages; persisted as records (<see cref="SilenceRegistryState.Keep"/>).</summary>
    private List<Silence> _silences = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _silences = state.State.TakeSilences();
        return Task.CompletedTask;
    }

    public async Task<Silence> Add(Silence silence)
    {
        var now = clock.GetUtcNow();
        var stored = silence with { Id = "silence-" + Guid.NewGuid().ToString("N")[..12], StartsAt = now };
        _silences.RemoveAll(s => s.EndsAt < now - KeepEnded);
        _silences.Add(stored);
        await WriteAsync();
        return stored;
    }

    public Task<IReadOnlyList<Silence>> List(bool includeEnded)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Silence>>([.. _silences.Where(s => includeEnded || s.IsActive(now))]);
    }

    public async Task<bool> Remove(string silenceId)
    {
        if (_silences.RemoveAll(s => s.Id == silenceId) == 0)
        {
            return false;
        }

        await WriteAsync();
        return true;
    }

    public Task<Silence?> Match(string customerId, string? touchpoint, string reason)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(_silences.Find(s => s.IsActive(now) && s.Matches(customerId, touchpoint, reason)));
    }

    private Task WriteAsync()
    {
        state.State.Keep(_silences);
        return state.WriteStateAsync();
    }
}
