namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// Every alert in brief (key 0): each owner's inbox and the filters of GET /api/v1/alerts. Durable, so that after a
/// restart it can wake the customers' alert grains that hold open alerts (their escalation timers must run).
/// </summary>
[Alias("cxlive.IAlertIndexGrain")]
public interface IAlertIndexGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task Upsert(IReadOnlyList<AlertSummary> alerts);

    /// <summary>Newest first.</summary>
    [Alias("Query")]
    Task<IReadOnlyList<AlertSummary>> Query(AlertQuery query);

    /// <summary>Activates the alert grain of every customer with an alert not yet resolved.</summary>
    [Alias("Wake")]
    Task Wake();
}
