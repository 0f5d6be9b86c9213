using System.Diagnostics;
using CxLive.Api.Hosting;
using CxLive.Grains.Abstractions.Customers;
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
        var failed = new Dictionary<string, CustomerAccumulator>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            pending.Customers,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentGrainCalls, CancellationToken = cancellationToken },
            async (entry, _) =>
            {
                try
                {
                    await grains.GetGrain<ICustomerGrain>(entry.Key).Ingest(TelemetryPipeline.Pending.ToMessage(entry.Value, receivedAt));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    lock (failed)
                    {
                        failed[entry.Key] = entry.Value;
                    }
                }
            });

        foreach (var (touchpoint, partial) in pending.Touchpoints)
        {
            try
            {
                await grains.GetGrain<ITouchpointGrain>(touchpoint).IngestKpi(TelemetryPipeline.Pending.ToMessage(partial));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogKpiFailed(logger, ex);
            }
        }

        metrics.FlushCustomers.Record(pending.Customers.Count);
        metrics.FlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (failed.Count > 0)
        {
            var events = failed.Values.Sum(c => c.Touchpoints.Sum(t => t.Slots.Sum(s => (long)s.Total)));
            var kept = pipeline.Return(failed, receivedAt, events);
            LogCustomersFailed(logger, failed.Count, kept);
            if (!kept)
            {
                metrics.EventsDropped.Add(events);
            }
        }
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
