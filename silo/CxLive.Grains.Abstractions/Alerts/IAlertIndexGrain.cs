namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// Every alert in brief (key 0; a stateless worker on every silo): each owner's inbox and the filters of
/// GET /api/v1/alerts, answered from storage that indexes the alerts, written by each customer's alert grain.
/// </summary>
[Alias("cxlive.IAlertIndexGrain")]
public interface IAlertIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Newest first.</summary>
    [Alias("Query")]
    Task<IReadOnlyList<AlertSummary>> Query(AlertQuery query);
}
