namespace CxLive.Domain.Alerts;

/// <summary>
/// Why an alert is raised (SCORING.md 7), and how severe each reason is: a disruption of a customer above the revenue
/// floor, and a customer complaining while disrupted, are <c>critical</c> (money is at stake now, or the customer has
/// already noticed); entering At-Risk is a <c>warning</c>; a score drop is <c>info</c> (a trend to look into).
/// </summary>
public static class AlertReasons
{
    public const string AtRisk = "at-risk";
    public const string Disrupted = "disrupted";
    public const string FeedbackWhileDisrupted = "feedback-while-disrupted";
    public const string ScoreDrop = "score-drop";

    public static readonly IReadOnlyList<string> All = [AtRisk, Disrupted, FeedbackWhileDisrupted, ScoreDrop];

    public static bool IsKnown(string? reason) => reason is not null && All.Contains(reason, StringComparer.Ordinal);

    public static string Severity(string reason) => reason switch
    {
        Disrupted or FeedbackWhileDisrupted => AlertSeverities.Critical,
        AtRisk => AlertSeverities.Warning,
        _ => AlertSeverities.Info,
    };
}
