namespace CxLive.Domain.Alerts;

/// <summary>An alert's life: open -> acknowledged -> resolved (open -> resolved too).</summary>
public static class AlertStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Resolved];

    public static bool IsKnown(string? state) => state is not null && All.Contains(state, StringComparer.Ordinal);

    /// <summary>Why an alert in <paramref name="state"/> cannot be acknowledged; null when it can.</summary>
    public static string? CannotAcknowledge(string state) => state switch
    {
        Open => null,
        Acknowledged => "The alert is already acknowledged.",
        _ => "The alert is resolved; a resolved alert cannot be acknowledged.",
    };

    /// <summary>Why an alert in <paramref name="state"/> cannot be resolved; null when it can.</summary>
    public static string? CannotResolve(string state) => state == Resolved ? "The alert is already resolved." : null;
}
