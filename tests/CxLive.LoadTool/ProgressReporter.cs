namespace CxLive.LoadTool;

/// <summary>A progress line every 5 s while the run goes on.</summary>
internal sealed class ProgressReporter(IngestStats stats, RunClock clock, VerdictWatcher poll, HubVerdictWatcher? hub, int injected)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var lastAccepted = 0L;
        var lastAt = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = clock.Elapsed;
                var accepted = stats.EventsAccepted;
                var rate = (accepted - lastAccepted) / (now - lastAt).TotalSeconds;
                (lastAccepted, lastAt) = (accepted, now);
                var verdicts = clock.InjectAt is null
                    ? ""
                    : $" | verdicts api {poll.Detected.Count}/{injected}{(hub is null || hub.Error is not null ? "" : $" hub {hub.Detected.Count}/{injected}")}, false+ {poll.FalsePositives.Count}";
                Console.WriteLine($"[{now.TotalSeconds,4:F0}s] sent {stats.EventsSent:N0} accepted {accepted:N0} ({rate:N0} ev/s) "
                    + $"in-flight {stats.InFlight} backpressure {stats.Backpressure} errors {stats.TransportErrors}{verdicts}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // End of the run.
        }
    }
}
