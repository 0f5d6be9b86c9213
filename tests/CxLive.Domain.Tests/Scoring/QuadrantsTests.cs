using CxLive.Domain.Scoring;

namespace CxLive.Domain.Tests.Scoring;

public sealed class QuadrantsTests
{
    private static readonly ScoringOptions Options = new();

    [Theory]
    [InlineData(90.0, 200_000.0, 200_000.0, Quadrant.Model)]
    [InlineData(90.0, 200_000.0, null, Quadrant.Model)]
    [InlineData(90.0, 200_000.0, 299_999.0, Quadrant.Model)]
    [InlineData(90.0, 200_000.0, 300_000.0, Quadrant.Growth)]
    [InlineData(90.0, 10_000.0, null, Quadrant.Growth)]
    [InlineData(90.0, null, null, Quadrant.Growth)]
    [InlineData(40.0, 200_000.0, 900_000.0, Quadrant.AtRisk)]
    [InlineData(40.0, 10_000.0, 900_000.0, Quadrant.Dangling)]
    [InlineData(40.0, null, null, Quadrant.Dangling)]
    [InlineData(70.0, 100_000.0, null, Quadrant.Model)]
    [InlineData(69.99, 100_000.0, null, Quadrant.AtRisk)]
    [InlineData(69.99, 99_999.99, null, Quadrant.Dangling)]
    public void Classifies_each_region_and_its_boundaries(double score, double? annual, double? potential, Quadrant expected) =>
        Assert.Equal(expected, Quadrants.Classify(score, annual, potential, revenueThreshold: 100_000, Options));

    [Fact]
    public void No_score_no_quadrant() => Assert.Null(Quadrants.Classify(null, 1_000_000, null, 100_000, Options));

    [Theory]
    [InlineData(Quadrant.Model, "model")]
    [InlineData(Quadrant.Growth, "growth")]
    [InlineData(Quadrant.AtRisk, "at-risk")]
    [InlineData(Quadrant.Dangling, "dangling")]
    public void Wire_names_round_trip(Quadrant quadrant, string wire)
    {
        Assert.Equal(wire, Quadrants.ToWire(quadrant));
        Assert.True(Quadrants.TryParse(wire, out var parsed));
        Assert.Equal(quadrant, parsed);
    }

    [Fact]
    public void Unknown_wire_name_does_not_parse() => Assert.False(Quadrants.TryParse("atrisk", out _));

    [Fact]
    public void Median_of_odd_even_and_no_values()
    {
        Assert.Equal(3, Quadrants.Median([5, 1, 3]));
        Assert.Equal(2.5, Quadrants.Median([4, 1, 3, 2]));
        Assert.Equal(0, Quadrants.Median([]));
    }
}
