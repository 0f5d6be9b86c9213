using CxLive.Grains.Abstractions.Alerts;
using Orleans.Concurrency;

namespace CxLive.Grains.Alerts;

/// <summary>The alert lists, answered from the alert index on whichever silo takes the call; it holds nothing.</summary>
[StatelessWorker]
internal sealed class AlertIndexGrain(AlertIndex index) : Grain, IAlertIndexGrain
{
    public Task<IReadOnlyList<AlertSummary>> Query(AlertQuery query) => index.Query(query);
}
