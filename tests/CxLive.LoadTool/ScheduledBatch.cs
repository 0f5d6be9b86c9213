namespace CxLive.LoadTool;

/// <summary>One request's worth of events: run-wide event numbers [FirstEvent, FirstEvent + Count), due at DueSeconds into the run.</summary>
internal readonly record struct ScheduledBatch(long FirstEvent, int Count, double DueSeconds);
