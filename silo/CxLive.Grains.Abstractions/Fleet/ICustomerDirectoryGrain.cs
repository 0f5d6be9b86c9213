namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>
/// The customer lists and fleet counts (key 0; a stateless worker on every silo). Answered from storage that indexes
/// every customer's summary, written by each customer grain on change.
/// </summary>
[Alias("cxlive.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<CustomerList> Query(CustomerQuery query);

    [Alias("GetCounts")]
    Task<FleetCounts> GetCounts();

    /// <summary>Median annual revenue of the known customers (the default quadrant revenue threshold).</summary>
    [Alias("GetMedianRevenue")]
    Task<double> GetMedianRevenue();

    /// <summary>Which of these customers exist (have a row in the index), without activating any of them.</summary>
    [Alias("Existing")]
    Task<IReadOnlyList<string>> Existing(IReadOnlyList<string> customerIds);
}
