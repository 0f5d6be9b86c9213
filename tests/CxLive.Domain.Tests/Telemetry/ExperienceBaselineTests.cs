using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class ExperienceBaselineTests
{
    private const long Minute = 28_333_320;

    private readonly TelemetryOptions _options = new();

    [Fact]
    public void Nothing_is_degraded_before_the_warm_up()
    {
        var baseline = Warm(minutes: 9, badRatio: 0.01, medianMs: 100);

        var verdict = baseline.Assess(new WindowCounts(1_000, 300, 0), 1_000);

        Assert.False(baseline.IsWarm);
        Assert.False(verdict.IsDegraded);
        Assert.Null(verdict.BadRatioLimit);
        Assert.Null(verdict.LatencyLimitMs);
    }

    [Fact]
    public void A_bad_ratio_well_above_the_past_is_degraded_even_inside_the_slo()
    {
        var baseline = Warm(minutes: 10, badRatio: 0.001, medianMs: 100);

        // Limit max(3 x 0.001, 0.001 + 0.02) = 0.021; 4% bad has a lower bound of ~0.0295.
        var degraded = baseline.Assess(new WindowCounts(1_000, 40, 0), null);
        var usual = baseline.Assess(new WindowCounts(1_000, 15, 0), null);

        Assert.True(baseline.IsWarm);
        Assert.Equal(0.021, degraded.BadRatioLimit!.Value, 9);
        Assert.True(degraded.BadRatioDegraded);
        Assert.False(usual.IsDegraded);
    }

    [Fact]
    public void Few_events_are_not_enough_to_call_degraded()
    {
        var baseline = Warm(minutes: 10, badRatio: 0, medianMs: 100);

        Assert.False(baseline.Assess(new WindowCounts(5, 5, 0), null).IsDegraded);
    }

    [Fact]
    public void A_median_latency_above_twice_the_past_is_degraded()
    {
        var baseline = Warm(minutes: 10, badRatio: 0, medianMs: 100);

        Assert.True(baseline.Assess(default, 250).LatencyDegraded);
        Assert.False(baseline.Assess(default, 150).IsDegraded);
        Assert.Equal(200, baseline.Assess(default, 150).LatencyLimitMs!.Value, 9);
    }

    [Fact]
    public void The_baseline_moves_halfway_in_one_half_life()
    {
        var baseline = Warm(minutes: 10, badRatio: 0, medianMs: 100);
        for (var m = 10; m < 40; m++)
        {
            baseline.Observe(Minute + m, new WindowCounts(1_000, 100, 0), 300);
        }

        Assert.Equal(0.05, baseline.BadRatio, 9);
        Assert.Equal(200, baseline.MedianLatencyMs, 6);
    }

    [Fact]
    public void A_minute_is_folded_in_only_once_and_quiet_minutes_do_not_count()
    {
        var baseline = new ExperienceBaseline(_options);
        Assert.True(baseline.Observe(Minute, new WindowCounts(100, 10, 0), null));
        Assert.False(baseline.Observe(Minute, new WindowCounts(100, 90, 0), null));
        Assert.False(baseline.Observe(Minute - 1, new WindowCounts(100, 90, 0), null));
        Assert.True(baseline.Observe(Minute + 1, default, null));

        Assert.Equal(0.1, baseline.BadRatio, 12);
        Assert.Equal(1, baseline.BadRatioMinutes);
        Assert.Equal(0, baseline.LatencyMinutes);
    }

    [Fact]
    public void A_restored_baseline_judges_like_the_original()
    {
        var original = Warm(minutes: 12, badRatio: 0.02, medianMs: 80);
        var restored = new ExperienceBaseline(
            _options, original.BadRatio, original.BadRatioMinutes, original.MedianLatencyMs, original.LatencyMinutes, original.LastMinute);

        var now = new WindowCounts(500, 40, 0);
        Assert.Equal(original.Assess(now, 170), restored.Assess(now, 170));
        Assert.False(restored.Observe(original.LastMinute!.Value, now, 170));
    }

    private ExperienceBaseline Warm(int minutes, double badRatio, double medianMs)
    {
        var baseline = new ExperienceBaseline(_options);
        for (var m = 0; m < minutes; m++)
        {
            baseline.Observe(Minute + m, new WindowCounts(10_000, (long)(10_000 * badRatio), 0), medianMs);
        }

        return baseline;
    }
}
