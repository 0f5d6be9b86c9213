using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Grains.Customers;

/// <summary>One paying customer: profile now; the live experience state joins it as it arrives.</summary>
internal sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ICustomerGrain
{
    public async Task<CustomerDocument> SetProfile(CustomerProfile profile)
    {
        state.State.Profile = profile;
        state.State.ProfileUpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return ToDocument(state.State)!;
    }

    public Task<CustomerDocument?> GetDocument() => Task.FromResult(ToDocument(state.State));

    private CustomerDocument? ToDocument(CustomerState s) =>
        s.Profile is null
            ? null
            : new CustomerDocument
            {
                CustomerId = this.GetPrimaryKeyString(),
                Profile = s.Profile,
                ProfileUpdatedAt = s.ProfileUpdatedAt,
            };
}
