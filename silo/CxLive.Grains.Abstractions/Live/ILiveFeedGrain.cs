using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using Orleans.Concurrency;

namespace CxLive.Grains.Abstractions.Live;

/// <summary>Fans changes out to every subscribed api process (key 0). Customer changes are batched for a short moment.</summary>
[Alias("cxlive.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or refreshes an observer; observers not refreshed within the expiry are dropped.</summary>
    [Alias("Subscribe")]
    Task Subscribe(ILiveObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ILiveObserver observer);

    [OneWay, Alias("PublishOverview")]
    Task PublishOverview(OverviewDocument overview);

    [OneWay, Alias("PublishCustomer")]
    Task PublishCustomer(CustomerDocument customer);

    /// <summary>Pushed in the order published, after the alert's change is durable.</summary>
    [OneWay, Alias("PublishAlert")]
    Task PublishAlert(AlertPush push);
}
