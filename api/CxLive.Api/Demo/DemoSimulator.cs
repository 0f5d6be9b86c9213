using System.Runtime.InteropServices;
using CxLive.Api.Hosting;
using CxLive.Api.Ingest;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Touchpoints;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Demo;

/// <summary>
/// The built-in demo: once the cluster answers it defines the fleet's touchpoints and customers, then every second
/// feeds that second's interactions (<see cref="DemoTraffic"/>) through <see cref="TelemetryIngest"/>, the path the
/// HTTP endpoint takes, while <see cref="DemoScenario"/> plays hidden disruptions.
/// </summary>
internal sealed partial class DemoSimulator(
    IGrainFactory grains,
    ClusterConnection connection,
    TouchpointCatalogRefresher catalog,
    TelemetryIngest ingest,
    IOptions<DemoOptions> options,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider clock,
    ILogger<DemoSimulator> logger) : BackgroundService
{
    private const int DefinitionConcurrency = 16;
    private const int MaxCatchUpSeconds = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        var fleet = DemoFleet.Generate(demo.Seed, demo.Customers, demo.EventsPerSecond);
        var scenario = new DemoScenario(fleet, demo.Seed, demo.FirstIncidentAfterSeconds, demo.IncidentEverySeconds, demo.IncidentSeconds, telemetry.Value.LongWindowSeconds);
        var traffic = new DemoTraffic(fleet, scenario, demo.Seed);
        var said = new DemoFeedback(fleet, scenario, demo.Seed);
        var feedback = new List<FeedbackItem>();

        await DefineFleetAsync(fleet, stoppingToken);
        LogFleetReady(logger, fleet.Touchpoints.Count, fleet.Customers.Count, demo.EventsPerSecond, demo.FirstIncidentAfterSeconds);

        using var writer = new DemoBatchWriter(fleet);
        var events = new List<DemoEvent>(demo.EventsPerSecond * 2);
        var start = clock.GetUtcNow();
        var last = -1L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            var now = clock.GetUtcNow();
            var second = (long)(now - start).TotalSeconds;
            if (second <= last)
            {
                continue;
            }

            events.Clear();
            for (var s = Math.Max(last + 1, second - MaxCatchUpSeconds + 1); s <= second; s++)
            {
                traffic.Generate(s, events);
            }

            feedback.Clear();
            for (var s = Math.Max(last + 1, second - MaxCatchUpSeconds + 1); s <= second; s++)
            {
                said.Generate(s, now, feedback);
            }

            Announce(scenario, fleet, last, second);
            last = second;
            await SendAsync(writer, events, now, demo.BatchEvents);
            await SayAsync(feedback);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendAsync(DemoBatchWriter writer, List<DemoEvent> events, DateTimeOffset now, int batchEvents)
    {
        for (var offset = 0; offset < events.Count; offset += batchEvents)
        {
            var count = Math.Min(batchEvents, events.Count - offset);
            var outcome = await ingest.HandAsync(Parse(writer, events, offset, count, now));
            if (outcome.Saturated)
            {
                LogSaturated(logger, count);
            }
            else if (outcome.RejectedCount > 0)
            {
                LogRejected(logger, outcome.RejectedCount, outcome.Rejected.Count > 0 ? outcome.Rejected[0].Error : "");
            }
        }
    }

    private TelemetryBatchBuilder Parse(DemoBatchWriter writer, List<DemoEvent> events, int offset, int count, DateTimeOffset now) =>
        ingest.Parse(writer.Write(CollectionsMarshal.AsSpan(events).Slice(offset, count), now), ndjson: false);

    /// <summary>Feedback goes to the customer grains as the feedback endpoint sends it: one call per customer.</summary>
    private async Task SayAsync(List<FeedbackItem> feedback)
    {
        foreach (var customer in feedback.GroupBy(f => f.CustomerId, StringComparer.Ordinal))
        {
            try
            {
                await grains.GetGrain<ICustomerGrain>(customer.Key).AddFeedback([.. customer]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFeedbackFailed(logger, ex);
            }
        }
    }

    private void Announce(DemoScenario scenario, DemoFleet fleet, long after, long upTo)
    {
        foreach (var incident in scenario.StartingIn(after, upTo))
        {
            LogIncidentStarted(logger, incident.Number, incident.Kind, fleet.Touchpoints[incident.Touchpoint].Id, incident.Customers.Count, scenario.DurationSeconds);
        }

        foreach (var incident in scenario.EndingIn(after, upTo))
        {
            LogIncidentEnded(logger, incident.Number, fleet.Touchpoints[incident.Touchpoint].Id, incident.Customers.Count);
        }
    }

    /// <summary>Touchpoints first (and the catalog refreshed, so thresholds apply at once), then the customers; retried until the cluster takes them.</summary>
    private async Task DefineFleetAsync(DemoFleet fleet, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (connection.IsConnected)
            {
                try
                {
                    await Parallel.ForEachAsync(fleet.Touchpoints, cancellationToken, async (t, _) => await grains.GetGrain<ITouchpointGrain>(t.Id).SetDefinition(t.Definition));
                    await catalog.RefreshAsync();
                    await Parallel.ForEachAsync(
                        fleet.Customers,
                        new ParallelOptions { MaxDegreeOfParallelism = DefinitionConcurrency, CancellationToken = cancellationToken },
                        async (c, _) => await grains.GetGrain<ICustomerGrain>(c.Id).SetProfile(c.Profile));
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDefineFailed(logger, ex);
                }
            }

            await Task.Delay(RetryDelay, clock, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Touchpoints} touchpoints and {Customers} customers defined; about {EventsPerSecond} events/s from now, the first hidden disruption in {Seconds} s")]
    private static partial void LogFleetReady(ILogger logger, int touchpoints, int customers, int eventsPerSecond, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo incident {Number} started: {Kind} on {Touchpoint} for {Customers} customers, {Seconds} s")]
    private static partial void LogIncidentStarted(ILogger logger, int number, DemoIncidentKind kind, string touchpoint, int customers, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo incident {Number} ended on {Touchpoint}; its {Customers} customers recover")]
    private static partial void LogIncidentEnded(ILogger logger, int number, string touchpoint, int customers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: defining the fleet failed; retrying")]
    private static partial void LogDefineFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feedback could not be stored; the next items go on")]
    private static partial void LogFeedbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: the ingest pipeline is full; {Events} events dropped")]
    private static partial void LogSaturated(ILogger logger, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: {Count} events rejected, first: {Error}")]
    private static partial void LogRejected(ILogger logger, int count, string error);
}
