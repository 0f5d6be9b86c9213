using CxLive.Grains.Abstractions.Touchpoints;
using Orleans.Concurrency;

namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>The fleet view (key 0): touchpoint rows and fleet counts, published live at most 4 times a second.</summary>
[Alias("cxlive.IOverviewGrain")]
public interface IOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>Records a touchpoint's definition (or that it was seen, with defaults); durable when it returns.</summary>
    [Alias("Define")]
    Task Define(string touchpoint, TouchpointDefinition definition);

    [Alias("ReportTouchpoint")]
    Task ReportTouchpoint(TouchpointOverview row);


    [Alias("GetOverview")]
    Task<OverviewDocument> GetOverview();

    /// <summary>
    /// The overview of these account managers' customers only (a scoped key's): the touchpoints' internal KPI as for
    /// everyone, the customers' side counted over the book, no touchpoint feedback (it is everyone's). Interleaves: it
    /// waits on storage, and the live overview must not wait for it.
    /// </summary>
    [Alias("GetOverviewOf"), AlwaysInterleave]
    Task<OverviewDocument> GetOverviewOf(IReadOnlyList<string> accountManagers);

    [Alias("GetCatalog")]
    Task<TouchpointCatalogSnapshot> GetCatalog();
}
