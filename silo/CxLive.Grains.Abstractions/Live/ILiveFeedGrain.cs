using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using Orleans.Concurrency;

namespace CxLive.Grains.Abstractions.Live;

/// <summary>
/// Fans the changes of one silo's grains out to every subscribed api process; keyed by the silo (its
/// <c>SiloAddress.ToParsableString()</c>) and placed on it. An api process subscribes to the feed of every active silo.
/// Customer changes are batched for a short moment.
/// </summary>
[Alias("cxlive.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithStringKey
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
