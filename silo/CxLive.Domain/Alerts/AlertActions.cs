namespace CxLive.Domain.Alerts;

/// <summary>What an alert's history entries (and its webhook notices) say happened.</summary>
public static class AlertActions
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
    public const string Cleared = "cleared";
    public const string Resolved = "resolved";
    public const string Silenced = "silenced";

    /// <summary>The <c>by</c> of changes CxLive makes itself.</summary>
    public const string System = "cxlive";
}
