using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Utilities;

namespace CxLive.Grains.Live;

/// <summary>
/// One per silo (keyed by the silo, placed on it): fans the changes of that silo's grains out to the api processes'
/// observers (GPSTracker pattern), so its load is the silo's share of the fleet, never the fleet's. Customer documents
/// are coalesced per customer and flushed every <c>Cadence:FeedFlushMs</c>, so a storm of changes becomes a few batches.
/// </summary>
[Placement.SiloKeyedPlacement, Immovable]
internal sealed class LiveFeedGrain(IOptions<CadenceOptions> cadence, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<ILiveObserver> _observers = new(ObserverExpiry, logger);
    private readonly Dictionary<string, CustomerDocument> _pendingCustomers = new(StringComparer.Ordinal);
    private readonly List<AlertPush> _pendingAlerts = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions { DueTime = cadence.Value.FeedFlush, Period = cadence.Value.FeedFlush, Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task Subscribe(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishOverview(OverviewDocument overview)
    {
        _observers.Notify(o => o.OverviewChanged(overview));
        return Task.CompletedTask;
    }

    public Task PublishCustomer(CustomerDocument customer)
    {
        _pendingCustomers[customer.CustomerId] = customer;
        return Task.CompletedTask;
    }

    public Task PublishAlert(AlertPush push)
    {
        _pendingAlerts.Add(push);
        return Task.CompletedTask;
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingAlerts.Count > 0)
        {
            var alerts = _pendingAlerts.ToArray();
            _pendingAlerts.Clear();
            _observers.Notify(o => o.AlertsChanged(alerts));
        }

        if (_pendingCustomers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var batch = _pendingCustomers.Values.ToArray();
        _pendingCustomers.Clear();
        _observers.Notify(o => o.CustomersChanged(batch));
        return Task.CompletedTask;
    }
}
