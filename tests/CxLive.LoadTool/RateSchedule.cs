namespace CxLive.LoadTool;

/// <summary>
/// Open-loop pacing per batch: batch k is due at k x batch / rate seconds into the run. Senders take the next batch
/// and wait for its time. When they fall behind (server or generator too slow) at most one second of backlog is kept
/// and the rest is counted as skipped, so a slow phase is followed by a short burst, not a long catch-up.
/// </summary>
internal sealed class RateSchedule(RunClock clock, double eventsPerSecond, int batch, TimeSpan duration)
{
    private const double MaxBacklogSeconds = 1.0;

    private readonly Lock _lock = new();
    private long _nextEvent;
    private double _nextDueSeconds;
    private long _skippedEvents;

    /// <summary>Events the target rate asked for that were never sent because the senders were more than 1 s behind.</summary>
    public long SkippedEvents
    {
        get
        {
            lock (_lock)
            {
                return _skippedEvents;
            }
        }
    }

    public async ValueTask<ScheduledBatch?> NextAsync(CancellationToken cancellationToken)
    {
        ScheduledBatch next;
        lock (_lock)
        {
            var floor = clock.Elapsed.TotalSeconds - MaxBacklogSeconds;
            if (_nextDueSeconds < floor)
            {
                _skippedEvents += (long)((floor - _nextDueSeconds) * eventsPerSecond);
                _nextDueSeconds = floor;
            }

            // The tolerance keeps summed float steps (0.1 x 60 = 5.99999...) from adding one batch past the end.
            if (_nextDueSeconds >= duration.TotalSeconds - 1e-9)
            {
                return null;
            }

            next = new ScheduledBatch(_nextEvent, batch, _nextDueSeconds);
            _nextEvent += batch;
            _nextDueSeconds += batch / eventsPerSecond;
        }

        var wait = next.DueSeconds - clock.Elapsed.TotalSeconds;
        if (wait > 0.001)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
        }

        return next;
    }
}
