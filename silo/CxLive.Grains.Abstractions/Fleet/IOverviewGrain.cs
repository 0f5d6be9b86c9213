using CxLive.Grains.Abstractions.Touchpoints;

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

    [Alias("GetCatalog")]
    Task<TouchpointCatalogSnapshot> GetCatalog();
}
