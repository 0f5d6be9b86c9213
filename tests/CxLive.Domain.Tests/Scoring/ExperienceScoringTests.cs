using CsCheck;
using CxLive.Domain.Scoring;
using static CxLive.Domain.Tests.Scoring.Feedback;

namespace CxLive.Domain.Tests.Scoring;

public sealed class ExperienceScoringTests
{
    private static readonly ScoringOptions Options = new();

    private static TouchpointHealth Healthy(string name) => new(name, 1, 0, 0.99, false, 1000);

    private static readonly TouchpointHealth[] ThreeHealthy = [Healthy("login"), Healthy("search"), Healthy("checkout")];

    [Fact]
    public void Meeting_the_slo_exactly_scores_85_and_zero_bad_scores_100()
    {
        Assert.Equal(85, ExperienceScoring.TouchpointScore(new("checkout", 1, 0.01, 0.99, false, 100), Options), 9);
        Assert.Equal(100, ExperienceScoring.TouchpointScore(new("checkout", 1, 0, 0.99, false, 100), Options));
        Assert.Equal(92.5, ExperienceScoring.TouchpointScore(new("checkout", 1, 0.005, 0.99, false, 100), Options), 9);
    }

    [Theory]
    [InlineData(0.1, 42.5)]
    [InlineData(1.0, 0)]
    public void Burning_the_budget_10_or_100_times_scores_42_5_or_0(double badRatio, double expected) =>
        Assert.Equal(expected, ExperienceScoring.TouchpointScore(new("checkout", 1, badRatio, 0.99, false, 100), Options), 9);

    [Fact]
    public void A_touchpoint_with_a_100_percent_slo_scores_0_on_any_bad_interaction()
    {
        Assert.Equal(0, ExperienceScoring.TouchpointScore(new("checkout", 1, 0.001, 1, false, 100), Options));
        Assert.Equal(100, ExperienceScoring.TouchpointScore(new("checkout", 1, 0, 1, false, 100), Options));
    }

    [Fact]
    public void A_disrupted_touchpoint_scores_at_most_the_cap()
    {
        Assert.Equal(40, ExperienceScoring.TouchpointScore(new("checkout", 1, 0.005, 0.99, true, 100), Options));
        Assert.Equal(0, ExperienceScoring.TouchpointScore(new("checkout", 1, 1, 0.99, true, 100), Options), 9);
    }

    [Fact]
    public void Inactive_and_weightless_touchpoints_and_no_feedback_give_no_score()
    {
        TouchpointHealth[] touchpoints = [new("login", 1, 1, 0.99, true, 0), new("search", 0, 1, 0.99, true, 100)];
        Assert.Null(ExperienceScoring.Compute(touchpoints, PerceptionSummary.Empty, Options));
    }

    [Fact]
    public void Operational_is_weight_averaged_and_combines_60_40_with_perception()
    {
        TouchpointHealth[] touchpoints = [new("login", 3, 0, 0.99, false, 10), new("checkout", 1, 0.01, 0.99, false, 10), new("idle", 5, 1, 0.99, true, 0)];
        var perception = Perception.Summarize([Nps(10), Nps(0)], Now, Options);

        var score = ExperienceScoring.Compute(touchpoints, perception, Options)!;

        Assert.Equal(((3 * 100) + 85) / 4.0, score.Operational!.Value, 9);
        Assert.Equal(50, score.Perception!.Value, 9);
        Assert.Equal((0.6 * 96.25) + (0.4 * 50), score.Score, 9);

        var feedbackOnly = ExperienceScoring.Compute([], perception, Options)!;
        Assert.Equal(50, feedbackOnly.Score, 9);
        Assert.Null(feedbackOnly.Operational);
    }

    [Fact]
    public void Healthy_qos_with_two_detractors_and_a_complaint_drops_below_70_and_says_why()
    {
        var perception = Perception.Summarize([Nps(2), Nps(3), Of(FeedbackKind.Complaint)], Now, Options);

        var score = ExperienceScoring.Compute(ThreeHealthy, perception, Options)!;

        Assert.Equal(100, score.Operational);
        Assert.True(score.Score < 70, $"score {score.Score}");
        var reason = Assert.Single(score.Explanation);
        Assert.Equal("2 detractors, 1 complaint (30-day weighted)", reason.Label);
        Assert.Null(reason.Touchpoint);
        Assert.Equal(score.Score - 100, reason.Points, 9);
    }

    [Fact]
    public void Disruption_on_checkout_without_feedback_lowers_the_score_and_names_checkout()
    {
        var before = ExperienceScoring.Compute(ThreeHealthy, PerceptionSummary.Empty, Options)!;
        TouchpointHealth[] disrupted = [Healthy("login"), Healthy("search"), new("checkout", 1, 0.2, 0.99, true, 1000)];

        var after = ExperienceScoring.Compute(disrupted, PerceptionSummary.Empty, Options)!;

        Assert.Equal(100, before.Score);
        Assert.Empty(before.Explanation);
        Assert.True(after.Score < before.Score);
        var reason = Assert.Single(after.Explanation);
        Assert.Equal(("checkout disrupted", "checkout"), (reason.Label, reason.Touchpoint));
        Assert.Equal(after.Score - 100, reason.Points, 9);
    }

    [Fact]
    public void Explanation_keeps_the_five_largest_pulls_in_order()
    {
        var touchpoints = Enumerable.Range(1, 7).Select(i => new TouchpointHealth($"tp{i}", 1, i * 0.01, 0.99, false, 100)).ToArray();

        var score = ExperienceScoring.Compute(touchpoints, PerceptionSummary.Empty, Options)!;

        Assert.Equal(["tp7", "tp6", "tp5", "tp4", "tp3"], score.Explanation.Select(c => c.Touchpoint));
        Assert.Equal("tp7 slow or failing", score.Explanation[0].Label);
        Assert.True(score.Explanation.Sum(c => c.Points) > score.Score - 100, "two pulls were left out, so the kept ones pull less than the total");
    }

    private static readonly Gen<TouchpointHealth> Touchpoints =
        Gen.Select(Gen.Double[0, 5], Gen.Double[0, 1], Gen.Int[0, 3].Select(i => new[] { 0.9, 0.99, 0.999, 1.0 }[i]), Gen.Bool, Gen.Long[0, 1000], (weight, bad, slo, disrupted, events) =>
            new TouchpointHealth("tp", weight, bad * bad, slo, disrupted, events));

    [Fact]
    public void Score_stays_in_0_to_100_and_contributors_add_up_to_score_minus_100() =>
        Touchpoints.Array[0, 6].Select(PerceptionTests.Signals.Array[0, 12]).Sample((touchpoints, signals) =>
        {
            var perception = Perception.Summarize(signals, Now, Options);
            var score = ExperienceScoring.Compute(touchpoints, perception, Options);
            if (score is null)
            {
                return touchpoints.All(t => t.Events == 0 || t.Weight <= 0) && perception.Score is null;
            }

            var inRange = score.Score is >= 0 and <= 100 && score.Explanation.Count <= 5 && score.Explanation.All(c => c.Points < 0);
            var sum = score.Explanation.Sum(c => c.Points);
            var explained = score.Explanation.Count == 5 || Math.Abs(sum - (score.Score - 100)) <= 0.5;
            return inRange && explained;
        });
}
