using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Alerts;

/// <summary>
/// Every alert in brief: the owners' inboxes and the filters of GET /api/v1/alerts. Alert changes are rare, so each
/// is written at once; that keeps the list of customers to wake after a restart complete.
/// </summary>
internal sealed partial class AlertIndexGrain(
    [PersistentState("alert-index", StorageNames.Default)] IPersistentState<AlertIndexState> state,
    ILogger<AlertIndexGrain> logger) : Grain, IAlertIndexGrain
{
    public const int MaxResolved = 2000;

    public async Task Upsert(IReadOnlyList<AlertSummary> alerts)
    {
        foreach (var alert in alerts)
        {
            state.State.Alerts[alert.Id] = alert;
        }

        var resolved = state.State.Alerts.Values.Where(a => a.State == Domain.Alerts.AlertStates.Resolved).ToList();
        foreach (var old in resolved.OrderBy(a => a.OpenedAt).Take(Math.Max(0, resolved.Count - MaxResolved)))
        {
            state.State.Alerts.Remove(old.Id);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AlertSummary>> Query(AlertQuery query)
    {
        IEnumerable<AlertSummary> matches = state.State.Alerts.Values;
        if (query.State is { } wanted)
        {
            matches = matches.Where(a => a.State == wanted);
        }

        if (query.AccountManager is { } owner)
        {
            matches = matches.Where(a => a.AccountManager == owner || a.EscalatedTo == owner);
        }

        if (query.CustomerId is { } customer)
        {
            matches = matches.Where(a => a.CustomerId == customer);
        }

        return Task.FromResult<IReadOnlyList<AlertSummary>>([.. matches.OrderByDescending(a => a.OpenedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Take(query.Limit)]);
    }

    public async Task Wake()
    {
        var customers = state.State.Alerts.Values.Where(a => a.State != Domain.Alerts.AlertStates.Resolved).Select(a => a.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var customer in customers)
        {
            await GrainFactory.GetGrain<ICustomerAlertsGrain>(customer).Wake(); // one-way: never waits on the alert grain
        }

        LogWoken(logger, customers.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke the alert grains of {Customers} customers with open alerts")]
    private static partial void LogWoken(ILogger logger, int customers);
}
