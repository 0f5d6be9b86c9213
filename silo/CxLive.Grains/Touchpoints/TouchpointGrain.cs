using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>One touchpoint of the customer journey: its definition, and later its internal KPI.</summary>
internal sealed class TouchpointGrain(
    [PersistentState("touchpoint", StorageNames.Default)] IPersistentState<TouchpointState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ITouchpointGrain
{
    public async Task<TouchpointDocument> SetDefinition(TouchpointDefinition definition)
    {
        state.State.Definition = definition;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return ToDocument(state.State)!;
    }

    public Task<TouchpointDocument?> GetDocument() => Task.FromResult(ToDocument(state.State));

    private TouchpointDocument? ToDocument(TouchpointState s) =>
        s.Definition is null
            ? null
            : new TouchpointDocument
            {
                Touchpoint = this.GetPrimaryKeyString(),
                Definition = s.Definition,
                Defined = true,
                UpdatedAt = s.UpdatedAt,
            };
}
