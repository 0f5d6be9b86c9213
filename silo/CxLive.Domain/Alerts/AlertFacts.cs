namespace CxLive.Domain.Alerts;

/// <summary>
/// What the alert rules look at: one customer, now. <c>Detractor</c> is a complaint or detractor that arrived with
/// this change (null when none did).
/// </summary>
public sealed record AlertFacts(
    DateTimeOffset Now,
    double? AnnualRevenue,
    IReadOnlyList<AlertTouchpointFact> Touchpoints,
    string? Quadrant,
    double? Score,
    IEnumerable<(DateTimeOffset At, double Score)> ScoreHistory,
    AlertFeedbackFact? Detractor);

/// <summary>One touchpoint's verdicts for the customer.</summary>
public sealed record AlertTouchpointFact(string Touchpoint, bool Disrupted, DateTimeOffset? DisruptedSince, bool Degraded);

/// <summary>A complaint or detractor: its kind and, when it names one, the touchpoint it is about.</summary>
public sealed record AlertFeedbackFact(string Kind, string? Touchpoint);
