using CxLive.Domain.Telemetry;
using CxLive.Domain.Touchpoints;

namespace CxLive.Domain.Tests.Touchpoints;

public sealed class InternalKpiVerdictTests
{
    [Fact]
    public void Healthy_when_availability_meets_the_slo_and_p95_is_within_the_threshold()
    {
        var verdict = InternalKpiVerdict.Judge(new WindowCounts(10_000, 40, 300), Latencies(fast: 960, slow: 40), 0.995, 200);

        Assert.Equal(0.996, verdict.Availability, 9);
        Assert.True(verdict.IsHealthy);
        Assert.InRange(verdict.P95LatencyMs!.Value, 98, 102);
        Assert.InRange(verdict.P99LatencyMs!.Value, 980, 1_020);
    }

    [Fact]
    public void Unhealthy_when_availability_is_below_the_slo()
    {
        var verdict = InternalKpiVerdict.Judge(new WindowCounts(10_000, 60, 0), Latencies(fast: 1_000, slow: 0), 0.995, 200);

        Assert.False(verdict.AvailabilityMet);
        Assert.True(verdict.LatencyMet);
        Assert.False(verdict.IsHealthy);
    }

    [Fact]
    public void Unhealthy_when_p95_is_above_the_threshold()
    {
        var verdict = InternalKpiVerdict.Judge(new WindowCounts(1_000, 0, 0), Latencies(fast: 900, slow: 100), 0.995, 200);

        Assert.True(verdict.AvailabilityMet);
        Assert.False(verdict.LatencyMet);
    }

    [Fact]
    public void No_traffic_is_healthy_without_latencies() =>
        Assert.Equal(new InternalKpiVerdict(1, null, null, null, true, true), InternalKpiVerdict.Judge(default, new LatencySketch(), 0.995, 200));

    private static LatencySketch Latencies(int fast, int slow)
    {
        var sketch = new LatencySketch();
        sketch.Add(100, fast);
        sketch.Add(1_000, slow);
        return sketch;
    }
}
