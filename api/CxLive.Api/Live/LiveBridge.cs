using CxLive.Api.Hosting;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Wire = CxLive.Api.Contracts.Wire;

namespace CxLive.Api.Live;

/// <summary>
/// This api process's one observer of the live feeds (GPSTracker pattern): subscribes to the feed of every active silo
/// (a silo that joins is found within <c>Cadence:BridgeHostsSeconds</c>), renews each subscription well within its expiry, and
/// pushes what arrives to the SignalR groups that watch it. So a change judged on any silo reaches the clients of
/// every api process.
/// </summary>
internal sealed partial class LiveBridge(
    IGrainFactory grains,
    IHubContext<LiveHub, ILiveClient> hub,
    ClusterConnection connection,
    LiveMetrics metrics,
    TimeProvider clock,
    IOptions<CadenceOptions> cadence,
    ILogger<LiveBridge> logger) : BackgroundService, ILiveObserver
{
    private volatile bool _stopped;

    public Task OverviewChanged(OverviewDocument overview)
    {
        if (_stopped)
        {
            return Task.CompletedTask;
        }

        metrics.PushLag.Record((clock.GetUtcNow() - overview.AsOf).TotalMilliseconds, new KeyValuePair<string, object?>("message", "overview"));
        return hub.Clients.Group(LiveGroups.Overview).Overview(Wire.ToWire(overview));
    }

    public async Task CustomersChanged(IReadOnlyList<CustomerDocument> customers)
    {
        if (_stopped)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var customer in customers)
        {
            metrics.PushLag.Record((now - customer.AsOf).TotalMilliseconds, new KeyValuePair<string, object?>("message", "customerChanged"));
            var groups = customer.Profile.AccountManager is { } manager
                ? [LiveGroups.Customer(customer.CustomerId), LiveGroups.Customers, LiveGroups.Book(manager)]
                : new[] { LiveGroups.Customer(customer.CustomerId), LiveGroups.Customers };
            await hub.Clients.Groups(groups).CustomerChanged(Wire.ToWire(customer));
        }
    }

    /// <summary>
    /// To the owner's group, the escalation owner's group and the overview group, in the order they happened; each
    /// alert with its webhook delivery state as the outbox answered the alert grain (nothing is asked back here).
    /// </summary>
    public async Task AlertsChanged(IReadOnlyList<AlertPush> alerts)
    {
        if (_stopped)
        {
            return;
        }

        foreach (var push in alerts)
        {
            var alert = push.Alert;
            List<string> groups = [LiveGroups.Overview, LiveGroups.AccountManager(alert.AccountManager)];
            if (alert.EscalatedTo is { } escalatedTo && escalatedTo != alert.AccountManager)
            {
                groups.Add(LiveGroups.AccountManager(escalatedTo));
            }

            var clients = hub.Clients.Groups(groups);
            await (push.Raised ? clients.AlertRaised(Wire.ToWire(alert)) : clients.AlertChanged(Wire.ToWire(alert)));
        }
    }

    /// <summary>True while this process's observer is subscribed to the feed of every active silo (a readiness condition).</summary>
    public bool IsSubscribed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The reference is made once the cluster is reached: a client that is not connected yet cannot make one.
        ILiveObserver? reference = null;
        var renewals = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var hostsReadAt = DateTimeOffset.MinValue;
        IReadOnlyCollection<string> silos = [];
        using var timer = new PeriodicTimer(cadence.Value.BridgeTick);
        try
        {
            do
            {
                if (!connection.IsConnected)
                {
                    continue;
                }

                try
                {
                    reference ??= grains.CreateObjectReference<ILiveObserver>(this);
                    var now = clock.GetUtcNow();
                    if (now >= hostsReadAt + cadence.Value.BridgeHosts || silos.Count == 0)
                    {
                        silos = [.. (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, stoppingToken)).Keys.Select(s => s.ToParsableString())];
                        hostsReadAt = now;
                        foreach (var gone in renewals.Keys.Except(silos, StringComparer.Ordinal).ToList())
                        {
                            renewals.Remove(gone);
                        }
                    }

                    foreach (var silo in silos.Where(s => !renewals.TryGetValue(s, out var due) || now >= due))
                    {
                        await grains.GetGrain<ILiveFeedGrain>(silo).Subscribe(reference);
                        renewals[silo] = now + cadence.Value.BridgeRenew;
                    }

                    IsSubscribed = silos.Count > 0 && silos.All(renewals.ContainsKey);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    IsSubscribed = false;
                    hostsReadAt = DateTimeOffset.MinValue; // a silo may be gone: read the hosts again
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
            _stopped = true;
            if (reference is not null)
            {
                await UnsubscribeAsync(reference, renewals.Keys);
            }
        }
    }

    /// <summary>
    /// Leaves every feed before the process goes (best effort, briefly). The observer reference is not deleted:
    /// changes already on their way arrive at an observer that drops them, instead of at a deleted reference that
    /// logs an error for each.
    /// </summary>
    private async Task UnsubscribeAsync(ILiveObserver reference, IEnumerable<string> silos)
    {
        try
        {
            await Task.WhenAll(silos.Select(s => grains.GetGrain<ILiveFeedGrain>(s).Unsubscribe(reference))).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnsubscribeFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leaving the live feeds at shutdown did not complete; their subscriptions expire by themselves")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the live feed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
