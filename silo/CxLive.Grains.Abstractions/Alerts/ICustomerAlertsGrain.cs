namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// One customer's alerts (key: customer id): dedup per reason, lifecycle, escalation timers, delivery hand-off.
/// Every change is written before it is pushed or handed to the webhook outbox.
/// </summary>
[Alias("cxlive.ICustomerAlertsGrain")]
public interface ICustomerAlertsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Raises, folds into or clears alerts as the customer's conditions moved; durable when the task completes. Answers
    /// the customer's alerts not resolved, so nothing calls back into the customer for a change it asked for.
    /// </summary>
    [Alias("Observe")]
    Task<IReadOnlyList<AlertSummary>> Observe(AlertObservation observation);

    /// <summary>The alerts with these ids (unknown ids are left out).</summary>
    [Alias("Find")]
    Task<IReadOnlyList<Alert>> Find(IReadOnlyList<string> alertIds);

    [Alias("List")]
    Task<IReadOnlyList<Alert>> List();

    [Alias("Acknowledge")]
    Task<AlertChangeResult> Acknowledge(string alertId, string by, string? note);

    [Alias("Resolve")]
    Task<AlertChangeResult> Resolve(string alertId, string by, string? note);

    /// <summary>Activates the grain (after a restart, or when its silo is gone): escalation timers are re-armed, undelivered notices re-sent.</summary>
    [Alias("Wake")]
    Task Wake();
}
