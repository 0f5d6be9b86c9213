using System.Diagnostics;

namespace CxLive.LoadTool;

/// <summary>
/// Sends the schedule's batches to POST /api/v1/telemetry with --concurrency senders, so at most that many requests are
/// in flight; each sender builds its next body only when it is due.
/// </summary>
internal sealed class IngestDriver(HttpClient http, LoadOptions options, TrafficPlan plan, RunClock clock, IngestStats stats)
{
    private static readonly Uri TelemetryRoute = new("api/v1/telemetry", UriKind.Relative);
    private static readonly TimeSpan DefaultBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    public async Task RunAsync(RateSchedule schedule, CancellationToken cancellationToken)
    {
        var senders = new Task[options.Concurrency];
        for (var i = 0; i < senders.Length; i++)
        {
            var seed = i;
            senders[i] = Task.Run(() => SendAllAsync(schedule, seed, cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(senders);
    }

    private async Task SendAllAsync(RateSchedule schedule, int seed, CancellationToken cancellationToken)
    {
        using var writer = new EventBodyWriter(plan, options.Ndjson, options.Gzip, seed);
        try
        {
            while (await schedule.NextAsync(cancellationToken) is { } batch)
            {
                writer.Write(batch.FirstEvent, batch.Count, DateTime.UtcNow, clock.Injected);
                await SendAsync(writer, batch.Count, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or the hard cap: stop quietly, the report shows what was done.
        }
    }

    private async Task SendAsync(EventBodyWriter writer, int events, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelemetryRoute) { Content = writer.CreateContent() };
        stats.RecordSent(events);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var latencyMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && IngestAnswer.Parse(body) is { } answer)
            {
                stats.RecordAccepted(status, latencyMs, answer, clock.Elapsed);
                return;
            }

            stats.RecordRefused(status, events);
            if (status is 429 or 503)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? DefaultBackoff;
                await Task.Delay(wait < MaxBackoff ? wait : MaxBackoff, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            stats.RecordTransportError(e.HttpRequestError.ToString(), events);
            await Task.Delay(DefaultBackoff, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stats.RecordTransportError("Timeout", events);
        }
        catch (OperationCanceledException)
        {
            stats.RecordTransportError("Stopped", events);
            throw;
        }
    }
}
