using CxLive.Domain.Scoring;

namespace CxLive.Domain.Tests.Scoring;

public sealed class FeedbackKindsTests
{
    [Theory]
    [InlineData("nps", FeedbackKind.Nps)]
    [InlineData("csat", FeedbackKind.Csat)]
    [InlineData("ces", FeedbackKind.Ces)]
    [InlineData("complaint", FeedbackKind.Complaint)]
    [InlineData("praise", FeedbackKind.Praise)]
    [InlineData("comment", FeedbackKind.Comment)]
    public void Wire_names_round_trip(string wire, FeedbackKind kind)
    {
        Assert.Equal(wire, FeedbackKinds.ToWire(kind));
        Assert.True(FeedbackKinds.TryParse(wire, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.True(FeedbackKinds.TryParse(wire.ToUpperInvariant(), out parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("survey")]
    [InlineData(null)]
    public void Unknown_wire_names_do_not_parse(string? wire) => Assert.False(FeedbackKinds.TryParse(wire!, out _));

    [Fact]
    public void Score_ranges_follow_the_survey_scales()
    {
        Assert.Equal((0, 10), FeedbackKinds.ScoreRange(FeedbackKind.Nps));
        Assert.Equal((1, 5), FeedbackKinds.ScoreRange(FeedbackKind.Csat));
        Assert.Equal((1, 7), FeedbackKinds.ScoreRange(FeedbackKind.Ces));
        Assert.Null(FeedbackKinds.ScoreRange(FeedbackKind.Complaint));
        Assert.Null(FeedbackKinds.ScoreRange(FeedbackKind.Praise));
        Assert.Null(FeedbackKinds.ScoreRange(FeedbackKind.Comment));
    }

    [Theory]
    [InlineData(FeedbackKind.Nps, 6.0, true, false)]
    [InlineData(FeedbackKind.Nps, 0.0, true, false)]
    [InlineData(FeedbackKind.Nps, 7.0, false, false)]
    [InlineData(FeedbackKind.Nps, 8.0, false, false)]
    [InlineData(FeedbackKind.Nps, 9.0, false, true)]
    [InlineData(FeedbackKind.Nps, null, false, false)]
    [InlineData(FeedbackKind.Complaint, null, true, false)]
    [InlineData(FeedbackKind.Praise, null, false, true)]
    [InlineData(FeedbackKind.Csat, 1.0, false, false)]
    [InlineData(FeedbackKind.Comment, null, false, false)]
    public void Detractors_and_promoters(FeedbackKind kind, double? score, bool detractor, bool promoter)
    {
        var signal = new FeedbackSignal(Feedback.Now, kind, score, null, null, null);
        Assert.Equal(detractor, signal.IsDetractor);
        Assert.Equal(promoter, signal.IsPromoter);
    }
}
