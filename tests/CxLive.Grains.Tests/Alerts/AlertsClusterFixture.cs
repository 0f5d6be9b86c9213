using CxLive.Domain.Scoring;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>
/// A cluster whose revenue line between the quadrants' halves is high (1,000,000), so that a disrupted customer of
/// ordinary revenue is "dangling", not At-Risk: each test sees only the alert reason it is about.
/// </summary>
public class AlertsClusterFixture : ClusterFixture
{
    public const double QuadrantRevenueLine = 1_000_000;

    protected override void ConfigureScoring(ScoringOptions options) => options.RevenueThreshold = QuadrantRevenueLine;
}
