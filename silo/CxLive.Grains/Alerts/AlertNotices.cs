using System.Text.Json;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>The webhook outbox's view of an alert change: labels, annotations (no verbatims) and the alert as JSON.</summary>
internal static class AlertNotices
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AlertNotice For(Alert alert)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customerId"] = alert.CustomerId,
            ["reason"] = alert.Reason,
            ["severity"] = alert.Severity,
            ["accountManager"] = alert.AccountManager,
        };
        if (alert.Touchpoint is { } touchpoint)
        {
            labels["touchpoint"] = touchpoint;
        }

        return new AlertNotice
        {
            AlertId = alert.Id,
            Version = alert.Version,
            Owner = alert.EscalatedTo ?? alert.AccountManager,
            Status = alert.State == AlertStates.Resolved ? "resolved" : "firing",
            Change = AlertLifecycle.LastChange(alert),
            Labels = labels,
            Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = alert.Title, ["link"] = alert.Evidence.Link },
            AlertJson = JsonSerializer.Serialize(alert, Json),
            At = alert.History.Count > 0 ? alert.History[^1].At : alert.OpenedAt,
        };
    }
}
