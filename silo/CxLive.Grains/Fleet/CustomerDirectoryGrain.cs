using CxLive.Grains.Abstractions.Fleet;
using Orleans.Concurrency;

namespace CxLive.Grains.Fleet;

/// <summary>
/// The customer lists and fleet counts, answered from the customer index on whichever silo takes the call: a
/// stateless worker holds nothing, so no grain grows with the fleet.
/// </summary>
[StatelessWorker]
internal sealed class CustomerDirectoryGrain(CustomerIndex index) : Grain, ICustomerDirectoryGrain
{
    public Task<CustomerList> Query(CustomerQuery query) => index.Query(query);

    public async Task<FleetCounts> GetCounts() => (await index.Totals()).Fleet;

    public Task<double> GetMedianRevenue() => index.MedianRevenue();

    public Task<IReadOnlyList<string>> Existing(IReadOnlyList<string> customerIds) => index.Existing(customerIds);
}
