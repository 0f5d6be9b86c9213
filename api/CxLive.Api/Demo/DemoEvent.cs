namespace CxLive.Api.Demo;

/// <summary>One simulated interaction: indexes into <see cref="DemoFleet.Customers"/> and <see cref="DemoFleet.Touchpoints"/>.</summary>
internal readonly record struct DemoEvent(int Customer, int Touchpoint, double LatencyMs, bool Success);
