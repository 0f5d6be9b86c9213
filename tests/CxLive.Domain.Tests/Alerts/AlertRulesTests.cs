using CxLive.Domain.Alerts;

namespace CxLive.Domain.Tests.Alerts;

public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);
    private static readonly AlertOptions Options = new();
    private readonly AlertRules _rules = new(Options);

    [Theory]
    [InlineData(250_000, 119, false)]
    [InlineData(250_000, 120, true)]
    [InlineData(99_999, 600, false)]
    public void A_disruption_alerts_above_the_floor_once_the_grace_is_over(double revenue, int disruptedSeconds, bool alerts)
    {
        var facts = Facts(revenue, touchpoints: [new("checkout", true, Now.AddSeconds(-disruptedSeconds), false)]);

        var conditions = _rules.Evaluate(facts, []);

        Assert.Equal(alerts, conditions.Any(c => c.Reason == AlertReasons.Disrupted));
    }

    [Fact]
    public void The_earliest_disrupted_touchpoint_comes_first()
    {
        var facts = Facts(250_000, touchpoints: [new("login", true, Now.AddMinutes(-3), false), new("checkout", true, Now.AddMinutes(-5), false)]);

        var condition = Assert.Single(_rules.Evaluate(facts, []));

        Assert.Equal(["checkout", "login"], condition.Touchpoints);
        Assert.Equal("checkout", condition.Touchpoint);
    }

    [Fact]
    public void A_detractor_while_degraded_raises_and_the_condition_holds_while_the_trouble_lasts()
    {
        var troubled = new AlertTouchpointFact("search", false, null, true);

        var raised = _rules.Evaluate(Facts(10, [troubled], detractor: new("complaint", "search")), []);
        var holding = _rules.Evaluate(Facts(10, [troubled]), [AlertReasons.FeedbackWhileDisrupted]);
        var calm = _rules.Evaluate(Facts(10, [troubled]), []);
        var recovered = _rules.Evaluate(Facts(10, [troubled with { Degraded = false }]), [AlertReasons.FeedbackWhileDisrupted]);

        Assert.Equal("Complaint while degraded on search", Assert.Single(raised).Title);
        Assert.Single(holding);
        Assert.Empty(calm);
        Assert.Empty(recovered);
    }

    [Fact]
    public void A_detractor_without_trouble_raises_nothing()
    {
        Assert.Empty(_rules.Evaluate(Facts(10, [new("search", false, null, false)], detractor: new("nps", null)), []));
    }

    [Theory]
    [InlineData(80, 59, true)]
    [InlineData(80, 60, false)]
    public void A_score_drop_of_more_than_the_points_within_the_window_alerts(double before, double now, bool alerts)
    {
        var facts = Facts(10, [], score: now, history: [(Now.AddMinutes(-10), before), (Now.AddMinutes(-1), now)]);

        Assert.Equal(alerts, _rules.Evaluate(facts, []).Any(c => c.Reason == AlertReasons.ScoreDrop));
    }

    [Fact]
    public void A_peak_older_than_the_window_does_not_count()
    {
        var facts = Facts(10, [], score: 40, history: [(Now - Options.ScoreDropWindow - TimeSpan.FromMinutes(1), 95)]);

        Assert.Empty(_rules.Evaluate(facts, []));
    }

    [Fact]
    public void At_risk_holds_while_the_quadrant_is_at_risk()
    {
        var condition = Assert.Single(_rules.Evaluate(Facts(10, [], score: 41.6, quadrant: "at-risk"), []));

        Assert.Equal((AlertReasons.AtRisk, "Entered At-Risk (score 42)"), (condition.Reason, condition.Title));
    }

    [Fact]
    public void Compare_raises_new_conditions_clears_gone_ones_and_calls_spread_fresh()
    {
        AlertCondition Disrupted(params string[] touchpoints) => new(AlertReasons.Disrupted, touchpoints, "t");
        var atRisk = new AlertCondition(AlertReasons.AtRisk, [], "t");

        var first = AlertRules.Compare([], null, [Disrupted("checkout")], detractorArrived: false);
        var same = AlertRules.Compare([AlertReasons.Disrupted], [Disrupted("checkout")], [Disrupted("checkout")], detractorArrived: false);
        var spread = AlertRules.Compare([AlertReasons.Disrupted], [Disrupted("checkout")], [Disrupted("checkout", "login")], detractorArrived: false);
        var afterActivation = AlertRules.Compare([AlertReasons.Disrupted], null, [Disrupted("checkout", "login")], detractorArrived: false);
        var moved = AlertRules.Compare([AlertReasons.Disrupted], [Disrupted("checkout")], [atRisk], detractorArrived: false);

        Assert.Equal([AlertReasons.Disrupted], first.Raised.Select(c => c.Reason));
        Assert.True(same.IsEmpty);
        Assert.Equal([AlertReasons.Disrupted], spread.Fresh.Select(c => c.Reason));
        Assert.True(afterActivation.IsEmpty);
        Assert.Equal([AlertReasons.AtRisk], moved.Raised.Select(c => c.Reason));
        Assert.Equal([AlertReasons.Disrupted], moved.Cleared);
    }

    [Theory]
    [InlineData(120, "2 min")]
    [InlineData(90, "90 s")]
    [InlineData(7200, "2 h")]
    public void Durations_read_as_people_say_them(int seconds, string expected) =>
        Assert.Equal(expected, AlertRules.Describe(TimeSpan.FromSeconds(seconds)));

    private static AlertFacts Facts(
        double revenue,
        IReadOnlyList<AlertTouchpointFact> touchpoints,
        AlertFeedbackFact? detractor = null,
        double? score = null,
        string? quadrant = null,
        IReadOnlyList<(DateTimeOffset, double)>? history = null) =>
        new(Now, revenue, touchpoints, quadrant, score, history ?? [], detractor);
}
