using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using Orleans.Concurrency;

namespace CxLive.Grains.Abstractions.Live;

/// <summary>
/// One per api process (GPSTracker pattern): receives batched changes and pushes them to SignalR groups.
/// One-way, so a slow or dead receiver never holds up a grain.
/// </summary>
[Alias("cxlive.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    [OneWay, Alias("OverviewChanged")]
    Task OverviewChanged(OverviewDocument overview);

    [OneWay, Alias("CustomersChanged")]
    Task CustomersChanged(IReadOnlyList<CustomerDocument> customers);

    /// <summary>Alert changes in the order they happened.</summary>
    [OneWay, Alias("AlertsChanged")]
    Task AlertsChanged(IReadOnlyList<AlertPush> alerts);
}
