using CxLive.Domain.Scoring;

namespace CxLive.Domain.Tests.Scoring;

public sealed class ScorecardAlignmentTests
{
    [Theory]
    [InlineData(true, true, Alignment.Celebrate, "celebrate")]
    [InlineData(true, false, Alignment.BlindSpot, "blind-spot")]
    [InlineData(false, false, Alignment.KnownIssue, "known-issue")]
    [InlineData(false, true, Alignment.ReviewKpi, "review-kpi")]
    public void The_four_cells(bool internalHealthy, bool externalHealthy, Alignment expected, string wire)
    {
        Assert.Equal(expected, ScorecardAlignment.Of(internalHealthy, externalHealthy));
        Assert.Equal(wire, ScorecardAlignment.ToWire(expected));
    }

    [Theory]
    [InlineData(0.99, 0.995, null, false)]
    [InlineData(0.995, 0.995, null, true)]
    [InlineData(1.0, 0.995, 49.9, false)]
    [InlineData(1.0, 0.995, 50.0, true)]
    public void Customers_side_needs_enough_undisrupted_and_no_poor_feedback(double shareNotDisrupted, double target, double? feedback, bool expected) =>
        Assert.Equal(expected, ScorecardAlignment.ExternalHealthy(shareNotDisrupted, target, feedback, feedbackFloor: 50));
}
