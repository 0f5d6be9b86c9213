using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class TouchpointExperienceTests
{
    private const double Slo = 0.995;
    private static readonly TelemetryOptions Options = new();
    private static readonly DisruptionRule Rule = new(Options);
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Three_requests_with_one_failure_are_not_a_disruption()
    {
        var experience = new TouchpointExperience(Options, Rule);
        Record(experience, Start, total: 3, errors: 1);

        var change = experience.Evaluate(Start, Slo);

        Assert.False(experience.Disrupted);
        Assert.Equal(DisruptionTransition.None, change.Disruption);
        Assert.True(experience.Active);
    }

    [Fact]
    public void Four_hundred_requests_with_forty_failures_are_a_disruption_since_now()
    {
        var experience = new TouchpointExperience(Options, Rule);
        Record(experience, Start, total: 400, errors: 40);

        var change = experience.Evaluate(Start, Slo);

        Assert.True(experience.Disrupted);
        Assert.Equal(DisruptionTransition.Entered, change.Disruption);
        Assert.Equal(Start, experience.DisruptedSince);
    }

    [Fact]
    public void A_disruption_holds_while_good_traffic_is_thin_and_ends_when_the_evidence_is_strong()
    {
        var experience = new TouchpointExperience(Options, Rule);
        Record(experience, Start, total: 400, errors: 40);
        experience.Evaluate(Start, Slo);

        // 70 s later the bad slot left the short window; 40 clean calls are not enough to be sure (upper bound > 2.5%).
        var later = Start.AddSeconds(70);
        Record(experience, later, total: 40, errors: 0);
        Assert.Equal(DisruptionTransition.None, experience.Evaluate(later, Slo).Disruption);
        Assert.True(experience.Disrupted);

        // 400 clean calls are: upper bound ~0.95% < half the 5% threshold.
        Record(experience, later, total: 400, errors: 0);
        Assert.Equal(DisruptionTransition.Recovered, experience.Evaluate(later, Slo).Disruption);
        Assert.False(experience.Disrupted);
        Assert.Null(experience.DisruptedSince);
    }

    [Fact]
    public void A_disrupted_customer_that_goes_silent_for_the_long_window_is_released_and_inactive()
    {
        var experience = new TouchpointExperience(Options, Rule);
        Record(experience, Start, total: 100, errors: 50);
        experience.Evaluate(Start, Slo);

        var stillInWindow = experience.Evaluate(Start.AddSeconds(Options.LongWindowSeconds - 10), Slo);
        var silent = experience.Evaluate(Start.AddSeconds(Options.LongWindowSeconds + 10), Slo);

        Assert.Equal(DisruptionTransition.None, stillInWindow.Disruption);
        Assert.Equal(DisruptionTransition.TrafficStopped, silent.Disruption);
        Assert.True(silent.ActiveChanged);
        Assert.False(experience.Active);
    }

    [Fact]
    public void Degraded_means_well_above_the_customers_own_past_while_still_inside_the_slo()
    {
        // sloTarget 0.99 -> disruption threshold max(5%, 10 x 1%) = 10%.
        var experience = new TouchpointExperience(Options, Rule);
        var now = Start;
        for (var minute = 0; minute < Options.BaselineWarmupMinutes + 2; minute++)
        {
            for (var slot = 0; slot < Options.SlotsPerMinute; slot++)
            {
                Record(experience, now, total: 100, errors: slot == 0 ? 3 : 0); // 0.5% bad
                experience.Evaluate(now, 0.99);
                now = now.AddSeconds(Options.SlotSeconds);
            }
        }

        Assert.False(experience.Degraded);
        Assert.InRange(experience.Baseline.BadRatio, 0.004, 0.006);

        // Now 6% bad: far above 0.5%, under the 10% disruption threshold.
        for (var slot = 0; slot < Options.SlotsPerShortWindow; slot++)
        {
            Record(experience, now, total: 100, errors: 6);
            now = now.AddSeconds(Options.SlotSeconds);
        }

        var change = experience.Evaluate(now.AddSeconds(-1), 0.99);
        Assert.True(change.DegradedChanged);
        Assert.True(experience.Degraded);
        Assert.False(experience.Disrupted);
    }

    [Fact]
    public void A_checkpoint_restores_verdict_counts_and_baseline()
    {
        var experience = new TouchpointExperience(Options, Rule);
        Record(experience, Start, total: 400, errors: 40);
        experience.RecordMedian(Start, 120);
        experience.Evaluate(Start, Slo);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            experience.WriteTo(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var restored = TouchpointExperience.ReadFrom(reader, Options, Rule);

        Assert.True(restored.Disrupted);
        Assert.Equal(Start, restored.DisruptedSince);
        Assert.Equal(experience.LongWindow(Start), restored.LongWindow(Start));
        Assert.Equal(120, restored.MedianLatencyMs);
        Assert.Equal(DisruptionTransition.None, restored.Evaluate(Start.AddSeconds(1), Slo).Disruption);
    }

    private static void Record(TouchpointExperience experience, DateTimeOffset at, int total, int errors) =>
        Assert.True(experience.Record(Options.SlotIndexOf(at), total, errors, 0));
}
