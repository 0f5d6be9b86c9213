namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>The directory of all customers (key 0): summaries for lists and fleet counts. Fed on change only.</summary>
[Alias("cxlive.ICustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task Upsert(CustomerSummary summary);

    [Alias("Query")]
    Task<CustomerList> Query(CustomerQuery query);

    [Alias("GetCounts")]
    Task<FleetCounts> GetCounts();

    /// <summary>Median annual revenue of the known customers (the default quadrant revenue threshold).</summary>
    [Alias("GetMedianRevenue")]
    Task<double> GetMedianRevenue();
}
