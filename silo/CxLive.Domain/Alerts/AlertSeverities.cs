namespace CxLive.Domain.Alerts;

public static class AlertSeverities
{
    public const string Critical = "critical";
    public const string Warning = "warning";
    public const string Info = "info";
}
