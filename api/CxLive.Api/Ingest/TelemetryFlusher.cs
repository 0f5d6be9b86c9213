using System.Diagnostics;
using CxLive.Api.Hosting;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Abstractions.Touchpoints;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest;

/// <summary>
/// Every <see cref="IngestOptions.FlushIntervalMs"/>: one grain call per customer with everything pending for it, and
/// one KPI partial per touchpoint. A customer whose call fails is put back for the next flush (if there is room).
/// </summary>
internal sealed partial class TelemetryFlusher(
    TelemetryPipeline pipeline,
    IGrainFactory grains,
    ClusterConnection connection,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    ILogger<TelemetryFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FlushIntervalMs));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!connection.IsConnected)
            {
                continue;
            }

            try
            {
                await FlushAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(logger, ex);
            }
        }
    }

    /// <summary>This process as a sender: its flushes carry it with a sequence, so a retried call is applied once.</summary>
    public string Sender { get; } = Guid.NewGuid().ToString("N");

    private long _sequence;

    /// <summary>Sends what is pending now; public for tests and for a final flush on shutdown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var pending = pipeline.Take();
        if (pending.Events == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var receivedAt = pending.FirstReceivedAt ?? DateTimeOffset.UtcNow;
        var sequence = NextSequence();
        var calls = new Dictionary<string, List<CustomerTelemetry>>(pending.Retries, StringComparer.Ordinal);
        foreach (var (customer, accumulator) in pending.Customers)
        {
            var call = TelemetryPipeline.Pending.ToMessage(accumulator, receivedAt, Sender, sequence);
            if (calls.TryGetValue(customer, out var earlier))
            {
                earlier.Add(call);
            }
            else
            {
                calls[customer] = [call];
            }
        }

        var timeout = TimeSpan.FromMilliseconds(options.Value.GrainCallTimeoutMs);

        // The touchpoints' KPI partials first: a few calls, and the internal KPI stays current while many customers' calls run.
        foreach (var (touchpoint, partial) in pending.Touchpoints)
        {
            try
            {
                await grains.GetGrain<ITouchpointGrain>(touchpoint).IngestKpi(TelemetryPipeline.Pending.ToMessage(partial)).WaitAsync(timeout, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogKpiFailed(logger, ex);
            }
        }

        var failed = new Dictionary<string, List<CustomerTelemetry>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            calls,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentGrainCalls, CancellationToken = cancellationToken },
            async (entry, _) =>
            {
                var grain = grains.GetGrain<ICustomerGrain>(entry.Key);
                for (var i = 0; i < entry.Value.Count; i++)
                {
                    try
                    {
                        // A deadline of its own: a silo that died must not hold the flush (and every other customer) up.
                        await grain.Ingest(entry.Value[i]).WaitAsync(timeout, CancellationToken.None);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        lock (failed)
                        {
                            failed[entry.Key] = entry.Value[i..]; // in order: a later call must not overtake an earlier one
                        }

                        return;
                    }
                }
            });

        metrics.FlushCustomers.Record(calls.Count);
        metrics.FlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (failed.Count > 0)
        {
            var kept = pipeline.Return(failed);
            LogCustomersFailed(logger, failed.Count, kept);
            if (!kept)
            {
                metrics.EventsDropped.Add(failed.Values.Sum(list => list.Sum(c => c.Events)));
            }
        }
    }

    /// <summary>Milliseconds since the epoch, made strictly increasing: comparable across restarts of this sender's id.</summary>
    private long NextSequence()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var next = Math.Max(now, _sequence + 1);
        _sequence = next;
        return next;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (connection.IsConnected)
        {
            try
            {
                await FlushAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telemetry flush failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A touchpoint KPI partial could not be delivered")]
    private static partial void LogKpiFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} customers' telemetry could not be delivered; kept for the next flush: {Kept}")]
    private static partial void LogCustomersFailed(ILogger logger, int count, bool kept);
}
