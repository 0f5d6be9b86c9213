using System.Diagnostics.Metrics;

namespace CxLive.Api.Live;

internal sealed class LiveMetrics(IMeterFactory meters)
{
    /// <summary>From the moment a document was built in a grain to its hand-over to SignalR.</summary>
    public Histogram<double> PushLag { get; } = meters.Create("CxLive").CreateHistogram<double>("cxlive.push.lag", "ms", "Grain document built -> SignalR send");
}
