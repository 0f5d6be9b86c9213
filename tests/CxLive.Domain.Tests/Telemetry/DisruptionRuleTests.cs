using CxLive.Domain.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class DisruptionRuleTests
{
    private const double Slo = 0.995; // threshold max(0.05, 10 x 0.005) = 0.05

    private readonly TelemetryOptions _options = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SlotWindow _window;
    private readonly DisruptionRule _rule;

    public DisruptionRuleTests()
    {
        _window = new SlotWindow(_options);
        _rule = new DisruptionRule(_options);
    }

    [Theory]
    [InlineData(0.995, 0.05)]
    [InlineData(0.99, 0.1)]
    [InlineData(0.9999, 0.05)]
    [InlineData(0.9, 1)]
    public void Threshold_is_the_floor_or_the_burn_rate_whichever_is_higher(double slo, double expected) =>
        Assert.Equal(expected, _rule.Threshold(slo), 12);

    [Fact]
    public void Three_requests_with_one_failure_are_not_a_disruption()
    {
        Record(total: 3, errors: 1);

        var verdict = Evaluate(DisruptionVerdict.Calm);

        // The lower bound alone (~0.061) is above 0.05: MinEvents is what protects a quiet customer.
        Assert.True(verdict.Bounds.Lower > verdict.Threshold);
        Assert.False(verdict.IsDisrupted);
        Assert.Equal(DisruptionTransition.None, verdict.Transition);
    }

    [Fact]
    public void Four_hundred_requests_with_forty_failures_are_a_disruption()
    {
        Record(total: 400, errors: 40);

        var verdict = Evaluate(DisruptionVerdict.Calm);

        Assert.True(verdict.IsDisrupted);
        Assert.True(verdict.Entered);
        Assert.Equal(_time.GetUtcNow(), verdict.DisruptedSince);
        Assert.Equal(0.0743, verdict.Bounds.Lower, 3);
    }

    [Fact]
    public void Slow_successes_count_as_bad()
    {
        Record(total: 400, errors: 0, slow: 40);

        Assert.True(Evaluate(DisruptionVerdict.Calm).IsDisrupted);
    }

    [Fact]
    public void A_bad_ratio_at_the_threshold_is_not_significantly_above_it()
    {
        Record(total: 400, errors: 22); // 5.5%: above 5% but the lower bound is not

        Assert.False(Evaluate(DisruptionVerdict.Calm).IsDisrupted);
    }

    [Fact]
    public void Stays_disrupted_until_the_upper_bound_falls_below_half_the_threshold()
    {
        Record(total: 400, errors: 40);
        var entered = Evaluate(DisruptionVerdict.Calm);
        var since = entered.DisruptedSince;

        // A minute later 2% are bad: too good to enter (lower ~0.010), not good enough to leave (upper ~0.039 >= 0.025).
        _time.Advance(TimeSpan.FromSeconds(60));
        Record(total: 400, errors: 8);
        var holding = Evaluate(entered);
        Assert.True(holding.IsDisrupted);
        Assert.Equal(DisruptionTransition.None, holding.Transition);
        Assert.Equal(since, holding.DisruptedSince);
        Assert.False(Evaluate(DisruptionVerdict.Calm).IsDisrupted);

        // Another minute of clean traffic: upper ~0.004 < 0.025.
        _time.Advance(TimeSpan.FromSeconds(60));
        Record(total: 1_000, errors: 0);
        var recovered = Evaluate(holding);
        Assert.False(recovered.IsDisrupted);
        Assert.True(recovered.Left);
        Assert.Equal(DisruptionTransition.Recovered, recovered.Transition);
    }

    [Fact]
    public void Recovers_after_no_traffic_for_the_long_window_but_not_before()
    {
        Record(total: 400, errors: 40);
        var verdict = Evaluate(DisruptionVerdict.Calm);

        // The short window is empty after a minute, but the long window still holds the failures.
        _time.Advance(TimeSpan.FromSeconds(590));
        verdict = Evaluate(verdict);
        Assert.True(verdict.IsDisrupted);
        Assert.Equal(0, verdict.ShortWindow.Total);

        _time.Advance(TimeSpan.FromSeconds(10));
        verdict = Evaluate(verdict);
        Assert.False(verdict.IsDisrupted);
        Assert.Equal(DisruptionTransition.TrafficStopped, verdict.Transition);
    }

    [Fact]
    public void A_restored_disruption_keeps_its_start()
    {
        var since = _time.GetUtcNow().AddMinutes(-5);
        Record(total: 100, errors: 10);

        var verdict = Evaluate(DisruptionVerdict.Restore(since));

        Assert.Equal(since, verdict.DisruptedSince);
        Assert.Equal(DisruptionTransition.None, verdict.Transition);
    }

    private void Record(int total, int errors, int slow = 0) =>
        _window.Add(_options.SlotIndexOf(_time.GetUtcNow()), total, errors, slow);

    private DisruptionVerdict Evaluate(DisruptionVerdict previous) => _rule.Evaluate(previous, _window, Slo, _time.GetUtcNow());
}
