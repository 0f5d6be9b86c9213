namespace CxLive.Domain.Scoring;

/// <summary>Internal KPI against what customers see, per touchpoint (SCORING.md 6). Wire names in <see cref="ScorecardAlignment"/>.</summary>
public enum Alignment
{
    /// <summary>KPI healthy, customers healthy.</summary>
    Celebrate,

    /// <summary>KPI healthy, customers poor: the gap CxLive exists for.</summary>
    BlindSpot,

    /// <summary>KPI poor, customers poor.</summary>
    KnownIssue,

    /// <summary>KPI poor, customers healthy: the KPI may measure the wrong thing.</summary>
    ReviewKpi,
}
