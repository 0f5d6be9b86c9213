using CxLive.Api.Hosting;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Api.Live;

/// <summary>
/// This api process's one observer of the live feed (GPSTracker pattern): subscribes, renews the subscription well
/// within its expiry, and pushes what arrives to the SignalR groups that watch it.
/// </summary>
internal sealed partial class LiveBridge(
    IGrainFactory grains,
    IHubContext<LiveHub> hub,
    ClusterConnection connection,
    LiveMetrics metrics,
    Alerts.AlertDeliveries deliveries,
    TimeProvider clock,
    ILogger<LiveBridge> logger) : BackgroundService, ILiveObserver
{
    public static readonly TimeSpan RenewPeriod = TimeSpan.FromSeconds(15);

    public Task OverviewChanged(OverviewDocument overview)
    {
        metrics.PushLag.Record((clock.GetUtcNow() - overview.AsOf).TotalMilliseconds, new KeyValuePair<string, object?>("message", "overview"));
        return hub.Clients.Group(LiveGroups.Overview).SendAsync("overview", overview);
    }

    public async Task CustomersChanged(IReadOnlyList<CustomerDocument> customers)
    {
        var now = clock.GetUtcNow();
        foreach (var customer in customers)
        {
            metrics.PushLag.Record((now - customer.AsOf).TotalMilliseconds, new KeyValuePair<string, object?>("message", "customerChanged"));
            await hub.Clients.Groups(LiveGroups.Customer(customer.CustomerId), LiveGroups.Customers).SendAsync("customerChanged", customer);
        }
    }

    /// <summary>
    /// To the owner's group, the escalation owner's group and the overview group, in the order they happened; each
    /// alert with its webhook delivery state as GET /api/v1/alerts shows it (the outbox holds the change by then).
    /// </summary>
    public async Task AlertsChanged(IReadOnlyList<AlertPush> alerts)
    {
        foreach (var push in alerts)
        {
            var alert = await deliveries.AttachAsync(push.Alert);
            List<string> groups = [LiveGroups.Overview, LiveGroups.AccountManager(alert.AccountManager)];
            if (alert.EscalatedTo is { } escalatedTo && escalatedTo != alert.AccountManager)
            {
                groups.Add(LiveGroups.AccountManager(escalatedTo));
            }

            await hub.Clients.Groups(groups).SendAsync(push.Method, alert);
        }
    }

    /// <summary>True once the feed has this process's observer: from then on pushes arrive (a readiness condition).</summary>
    public bool IsSubscribed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The reference is made once the cluster is reached: a client that is not connected yet cannot make one.
        ILiveObserver? reference = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var renewAt = DateTimeOffset.MinValue;
        try
        {
            do
            {
                if (!connection.IsConnected || clock.GetUtcNow() < renewAt)
                {
                    continue;
                }

                try
                {
                    reference ??= grains.CreateObjectReference<ILiveObserver>(this);
                    await grains.GetGrain<ILiveFeedGrain>(0).Subscribe(reference);
                    IsSubscribed = true;
                    renewAt = clock.GetUtcNow() + RenewPeriod;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    IsSubscribed = false;
                    LogSubscribeFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            IsSubscribed = false;
            if (reference is not null)
            {
                grains.DeleteObjectReference<ILiveObserver>(reference);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the live feed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
