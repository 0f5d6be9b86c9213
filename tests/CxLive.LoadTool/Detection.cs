namespace CxLive.LoadTool;

/// <summary>When a watcher first saw an injected customer disrupted: time since the injection, and (hub only) how long after the server's <c>disruptedSince</c> the push arrived.</summary>
internal readonly record struct Detection(TimeSpan SinceInjection, double? AfterDisruptedSinceMs);
