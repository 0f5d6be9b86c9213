using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Alerts;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Recovery;

/// <summary>
/// Hands the grains of a silo that is gone (killed, or stopped gracefully) over to the living: the fleet indexes say
/// which silo holds each customer's live state, each alert grain with an alert not resolved and each webhook outbox
/// with deliveries pending;
/// when membership declares such a silo dead (or it is simply not there, as after an embedded restart), the first
/// active silo wakes those grains, which reactivate from storage and move their rows to their new silo. Runs when the
/// silo becomes active, on every membership change, and every <c>Cadence:RecoverySweepSeconds</c> for whatever a wake missed.
/// </summary>
public sealed partial class SiloRecovery(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    CustomerIndex customers,
    AlertIndex alerts,
    Webhooks.DeliveryIndex deliveries,
    IGrainFactory grains,
    IOptions<CadenceOptions> cadence,
    ILogger<SiloRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const int PageSize = 256;
    private const int Parallelism = 32;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloRecovery), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => _stopping.Dispose();

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is { } loop)
        {
            await loop.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await using var updates = membership.MembershipUpdates.GetAsyncEnumerator(stopping);
        var next = updates.MoveNextAsync().AsTask();
        while (!stopping.IsCancellationRequested)
        {
            await SweepAsync(stopping);
            var tick = Task.Delay(cadence.Value.RecoverySweep, stopping);
            if (await Task.WhenAny(next, tick) == next && !stopping.IsCancellationRequested)
            {
                next = await next ? updates.MoveNextAsync().AsTask() : Task.FromResult(false);
            }
        }
    }

    /// <summary>One pass: for every silo the indexes name that is gone, wake its grains. Only the first active silo sweeps.</summary>
    public async Task SweepAsync(CancellationToken stopping)
    {
        try
        {
            var snapshot = membership.CurrentSnapshot;
            var first = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).Order().FirstOrDefault();
            if (first is null || !first.Equals(local.SiloAddress))
            {
                return;
            }

            bool Gone(string key) => !TryParse(key, out var silo) || snapshot.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.None;

            foreach (var silo in (await customers.SilosWithLiveCustomers()).Where(Gone))
            {
                var woken = await WakeAsync(limit => customers.LiveOn(silo, limit), id => grains.GetGrain<ICustomerGrain>(id).Wake(), stopping);
                LogHandedOver(logger, woken, "customers", silo);
            }

            foreach (var silo in (await alerts.SilosWithOpenAlerts()).Where(Gone))
            {
                var woken = await WakeAsync(limit => alerts.CustomersOn(silo, limit), id => grains.GetGrain<ICustomerAlertsGrain>(id).Wake(), stopping);
                LogHandedOver(logger, woken, "alert grains", silo);
            }

            foreach (var silo in (await deliveries.SilosWithPending()).Where(Gone))
            {
                var woken = await WakeAsync(limit => deliveries.OutboxesOn(silo, limit), id => grains.GetGrain<Webhooks.IWebhookDeliveryLedger>(id).ResumePending(), stopping);
                LogHandedOver(logger, woken, "webhook outboxes", silo);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, ex); // the next membership change or safety tick tries again
        }
    }

    /// <summary>Wakes a page at a time until the silo's rows have moved; stops when a page brings no id not woken already.</summary>
    private static async Task<int> WakeAsync(Func<int, Task<IReadOnlyList<string>>> page, Func<string, Task> wake, CancellationToken stopping)
    {
        var woken = new HashSet<string>(StringComparer.Ordinal);
        while (!stopping.IsCancellationRequested)
        {
            var fresh = (await page(PageSize)).Where(id => !woken.Contains(id)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stopping }, async (id, _) => await wake(id));
            woken.UnionWith(fresh);
        }

        return woken.Count;
    }

    private static bool TryParse(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SiloAddress? silo)
    {
        try
        {
            silo = SiloAddress.FromParsableString(key);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
        {
            silo = null;
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed over {Count} {What} of silo {Silo}, which is gone")]
    private static partial void LogHandedOver(ILogger logger, int count, string what, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing over the grains of a gone silo failed; trying again at the next membership change")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
