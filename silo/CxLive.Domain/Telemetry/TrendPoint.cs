namespace CxLive.Domain.Telemetry;

/// <summary>Counts of one minute or one hour of a trend, starting at <see cref="Start"/>.</summary>
public readonly record struct TrendPoint(DateTimeOffset Start, WindowCounts Counts);
