using System.Diagnostics;

namespace CxLive.LoadTool;

/// <summary>Monotonic time since the run started, and whether the disruption is on yet.</summary>
internal sealed class RunClock(TimeSpan? injectAt)
{
    private long _started = Stopwatch.GetTimestamp();

    public TimeSpan? InjectAt { get; } = injectAt;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _started));

    public bool Injected => InjectAt is { } at && Elapsed >= at;

    public void Start() => Volatile.Write(ref _started, Stopwatch.GetTimestamp());

    /// <summary>Time since the injection, or null before it (or without one).</summary>
    public TimeSpan? SinceInjection(TimeSpan elapsed) => InjectAt is { } at && elapsed >= at ? elapsed - at : null;
}
