using CxLive.Domain.Scoring;

namespace CxLive.Domain.Tests.Scoring;

public sealed class ScoringOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_follow_the_scoring_design()
    {
        var options = new ScoringOptions();
        Assert.Empty(options.Validate());
        Assert.Equal("Scoring", ScoringOptions.SectionName);
        Assert.Equal(TimeSpan.FromDays(30), options.FeedbackHalfLife);
        Assert.Equal(TimeSpan.FromHours(24), options.KnewFirstLookback);
        Assert.Equal(70, options.GoodScore);
        Assert.Null(options.RevenueThreshold);
    }

    public static TheoryData<string, Action<ScoringOptions>> Broken => new()
    {
        { "Scoring:FeedbackHalfLifeDays", o => o.FeedbackHalfLifeDays = 0 },
        { "Scoring:FeedbackHalfLifeDays", o => o.FeedbackHalfLifeDays = double.NaN },
        { "Scoring:OperationalWeight and Scoring:PerceptionWeight must add up to 1", o => o.OperationalWeight = 0.7 },
        { "Scoring:OperationalWeight and Scoring:PerceptionWeight must each be between 0 and 1", o => (o.OperationalWeight, o.PerceptionWeight) = (1.5, -0.5) },
        { "Scoring:GoodScore", o => o.GoodScore = 101 },
        { "Scoring:RevenueThreshold", o => o.RevenueThreshold = -1 },
        { "Scoring:GrowthPotentialFactor", o => o.GrowthPotentialFactor = 0.5 },
        { "Scoring:DisruptedTouchpointCap", o => o.DisruptedTouchpointCap = -1 },
        { "Scoring:KnewFirstLookbackHours", o => o.KnewFirstLookbackHours = 0 },
        { "Scoring:ScoreHistory", o => o.ScoreHistory = 0 },
        { "Scoring:ScoreHistoryMinDelta", o => o.ScoreHistoryMinDelta = -1 },
        { "Scoring:ExternalFeedbackFloor", o => o.ExternalFeedbackFloor = 150 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Names_the_setting_to_fix(string expected, Action<ScoringOptions> breakIt)
    {
        var options = new ScoringOptions();
        breakIt(options);

        var message = Assert.Single(options.Validate());
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_weights_that_add_up_to_1_are_valid()
    {
        var options = new ScoringOptions { OperationalWeight = 0.7, PerceptionWeight = 0.3, RevenueThreshold = 50_000 };
        Assert.Empty(options.Validate());
    }
}
