using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Alerts;

/// <summary>
/// One customer's alerts: one per reason while not resolved (later evidence folds in), acknowledge and resolve,
/// escalation on a grain timer from the grain clock (re-armed on activation). A change costs two durable writes (this
/// grain's state, with the alert index row sent beside it, and the webhook outbox's) and one push per watcher: the
/// alert to the alert groups, with its delivery state as the outbox answered; the customer hears its open alerts as
/// the answer to <see cref="Observe"/>, or one-way after a change it did not ask for.
/// </summary>
internal sealed partial class CustomerAlertsGrain(
    [PersistentState("alerts", StorageNames.Default)] IPersistentState<CustomerAlertsState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<AlertOptions> options,
    IAlertNotifier notifier,
    AlertIndex index,
    LocalSilo silo,
    ILogger<CustomerAlertsGrain> logger) : Grain, ICustomerAlertsGrain
{
    private readonly AlertOptions _options = options.Value;
    private IGrainTimer? _escalation;

    /// <summary>The alerts as messages; persisted as records (<see cref="CustomerAlertsState.Keep"/>).</summary>
    private List<Alert> _alerts = [];

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alerts = state.State.TakeAlerts();
        _escalation = this.RegisterGrainTimer(EscalateAsync, new GrainTimerCreationOptions
        {
            DueTime = Timeout.InfiniteTimeSpan,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = false,
            KeepAlive = true,
        });
        ArmEscalation();
        await HandOverUnsentAsync();

        // The index says which silo holds the grain of each alert not resolved: it is this one now.
        foreach (var alert in _alerts.Where(a => a.State != AlertStates.Resolved && !state.State.IndexPending.Contains(a.Id)))
        {
            state.State.IndexPending.Add(alert.Id);
        }

        await IndexPendingAsync();
    }

    /// <summary>Activation did the work; the customer (restarted too, perhaps before its last checkpoint) hears what is open.</summary>
    public Task Wake()
    {
        if (_alerts.Exists(a => a.IsOpen()))
        {
            GrainFactory.GetGrain<ICustomerGrain>(CustomerId).AlertsChanged(OpenSummaries()).Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AlertSummary>> Observe(AlertObservation observation)
    {
        var changes = new List<(Alert Alert, bool Announce)>();
        foreach (var signal in observation.Raised)
        {
            if (Open(signal.Reason, changes) is { } open)
            {
                changes.Add(AlertLifecycle.Fold(open, signal, observation.Evidence, observation.At, _options.UpdateInterval));
                continue;
            }

            var silence = await GrainFactory.SilenceRegistry().Match(CustomerId, signal.Touchpoint, signal.Reason);
            state.State.Sequence++;
            var id = AlertIds.Format(CustomerId, signal.Reason, state.State.Sequence);
            changes.Add((AlertLifecycle.Raise(id, CustomerId, signal, observation, silence), true));
        }

        foreach (var signal in observation.Fresh)
        {
            if (Open(signal.Reason, changes) is { } open)
            {
                changes.Add(AlertLifecycle.Fold(open, signal, observation.Evidence, observation.At, _options.UpdateInterval));
            }
        }

        foreach (var reason in observation.Cleared)
        {
            if (Open(reason, changes) is { } open && AlertLifecycle.Clear(open, observation.At, _options.AutoResolve) is { } cleared)
            {
                changes.Add((cleared, true));
            }
        }

        if (changes.Count > 0)
        {
            await CommitAsync(changes, tellCustomer: false);
        }

        return OpenSummaries();
    }

    private List<AlertSummary> OpenSummaries() => [.. _alerts.Where(a => a.IsOpen()).Select(a => a.Summary())];

    public Task<IReadOnlyList<Alert>> Find(IReadOnlyList<string> alertIds) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Where(a => alertIds.Contains(a.Id, StringComparer.Ordinal))]);

    public Task<IReadOnlyList<Alert>> List() => Task.FromResult<IReadOnlyList<Alert>>([.. _alerts]);

    public Task<AlertChangeResult> Acknowledge(string alertId, string by, string? note) =>
        ChangeAsync(alertId, AlertStates.CannotAcknowledge, alert => AlertLifecycle.Acknowledge(alert, by, note, clock.GetUtcNow()));

    public Task<AlertChangeResult> Resolve(string alertId, string by, string? note) =>
        ChangeAsync(alertId, AlertStates.CannotResolve, alert => AlertLifecycle.Resolve(alert, by, note, clock.GetUtcNow()));

    private async Task<AlertChangeResult> ChangeAsync(string alertId, Func<string, string?> conflict, Func<Alert, Alert> change)
    {
        var alert = _alerts.Find(a => a.Id == alertId);
        if (alert is null)
        {
            return new AlertChangeResult(null, null);
        }

        if (conflict(alert.State) is { } reason)
        {
            return new AlertChangeResult(alert, reason);
        }

        var changed = change(alert);
        await CommitAsync([(changed, true)], tellCustomer: true);
        return new AlertChangeResult(changed, null);
    }

    /// <summary>The alert for a reason that is not resolved, as changed so far in this call.</summary>
    private Alert? Open(string reason, List<(Alert Alert, bool Announce)> changes)
    {
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            if (changes[i].Alert.Reason == reason)
            {
                return changes[i].Alert.IsOpen() ? changes[i].Alert : null;
            }
        }

        return _alerts.Find(a => a.Reason == reason && a.IsOpen());
    }

    private async Task EscalateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = _alerts
            .Where(a => AlertLifecycle.EscalationDue(a, _options.EscalationAfter) <= now)
            .Select(a => (AlertLifecycle.Escalate(a, _options.EscalationOwner, now, _options.EscalationAfter), true))
            .ToList();
        if (due.Count > 0)
        {
            await CommitAsync(due, tellCustomer: true);
        }
        else
        {
            ArmEscalation();
        }
    }

    /// <summary>
    /// Writes the changes (the index rows of announced alerts are sent first, beside the state: one commit in the
    /// embedded store's writer lane), then hands them on: outbox, live feed, and the customer when
    /// <paramref name="tellCustomer"/> (a change it did not ask for). Each alert appears once per call.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<(Alert Alert, bool Announce)> changes, bool tellCustomer)
    {
        var latest = new Dictionary<string, (Alert Alert, bool Announce)>(StringComparer.Ordinal);
        var raised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (alert, announce) in changes)
        {
            var known = latest.TryGetValue(alert.Id, out var earlier);
            if (!known && !_alerts.Exists(a => a.Id == alert.Id))
            {
                raised.Add(alert.Id);
            }

            latest[alert.Id] = (alert, announce || (known && earlier.Announce));
        }

        foreach (var (alert, announce) in latest.Values)
        {
            var index = _alerts.FindIndex(a => a.Id == alert.Id);
            if (index >= 0)
            {
                _alerts[index] = alert;
            }
            else
            {
                _alerts.Add(alert);
            }

            if (announce && !alert.Silenced)
            {
                state.State.Unsent.Add(AlertNotices.For(alert));
            }

            if (announce && !state.State.IndexPending.Contains(alert.Id))
            {
                state.State.IndexPending.Add(alert.Id);
            }
        }

        // The index hears of the changes no later than the state is written: were the process to die between the two,
        // the restart wake-up (which reads the index) still activates this grain, and an entry whose write never happened
        // names an id that the next raise of that reason takes again. What the index did not take stays pending.
        var forgotten = state.State.Trim(_alerts, _options.KeepResolved);
        var indexing = IndexPendingAsync();
        state.State.Keep(_alerts);
        await state.WriteStateAsync(); // durable before anything is pushed or delivered
        await indexing;

        var deliveries = await HandOverUnsentAsync();
        await ForgetAsync(forgotten);
        var announced = latest.Values.Where(c => c.Announce).Select(c => c.Alert).ToList();
        if (announced.Count > 0)
        {
            var live = GrainFactory.GetGrain<ILiveFeedGrain>(silo.Key);
            foreach (var alert in announced.Where(a => !a.Silenced))
            {
                var shown = deliveries.TryGetValue(alert.Id, out var delivery) ? alert with { Delivery = delivery } : alert;
                await live.PublishAlert(new AlertPush(shown, Raised: raised.Contains(alert.Id)));
            }

            if (tellCustomer)
            {
                GrainFactory.GetGrain<ICustomerGrain>(CustomerId).AlertsChanged(OpenSummaries()).Ignore();
            }
        }

        ArmEscalation();
    }

    /// <summary>Takes alerts this grain no longer keeps out of the index (a row left behind is filtered out by the lists).</summary>
    private async Task ForgetAsync(List<string> alertIds)
    {
        foreach (var alertId in alertIds)
        {
            try
            {
                await index.Forget(alertId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogIndexFailed(logger, 1, ex.GetType().Name);
                return;
            }
        }
    }

    /// <summary>
    /// Hands the written notices to the outbox; those it took leave the list (persisted with the next write: on a
    /// crash before that, they are handed over again, which the outbox ignores). Those it did not take stay. Returns
    /// the delivery state the outbox answered, per alert.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<WebhookDelivery>>> HandOverUnsentAsync()
    {
        var deliveries = new Dictionary<string, IReadOnlyList<WebhookDelivery>>(StringComparer.Ordinal);
        while (state.State.Unsent.Count > 0)
        {
            var notice = state.State.Unsent[0];
            try
            {
                deliveries[notice.AlertId] = await notifier.Enqueue(notice);
            }
            catch (Exception ex)
            {
                LogHandOverFailed(logger, notice.AlertId, notice.Version, ex.GetType().Name);
                break; // kept for the next change or activation
            }

            state.State.Unsent.RemoveAt(0);
        }

        return deliveries;
    }

    /// <summary>
    /// Sends the summaries of the alerts the index has not taken yet; the list is emptied in memory (persisted with the
    /// next write: after a crash they are sent again, which the index takes as the same upsert).
    /// </summary>
    private async Task IndexPendingAsync()
    {
        if (state.State.IndexPending.Count == 0)
        {
            return;
        }

        var summaries = _alerts.Where(a => state.State.IndexPending.Contains(a.Id)).Select(a => a.Summary()).ToList();
        try
        {
            foreach (var summary in summaries)
            {
                await index.Write(summary, silo.Key);
            }
        }
        catch (Exception ex)
        {
            LogIndexFailed(logger, summaries.Count, ex.GetType().Name);
            return; // kept for the next change or activation
        }

        state.State.IndexPending.Clear();
    }

    private void ArmEscalation()
    {
        var due = _alerts.Select(a => AlertLifecycle.EscalationDue(a, _options.EscalationAfter)).Where(d => d is not null).Min();
        if (due is not { } at)
        {
            _escalation?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = at - clock.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        _escalation?.Change(delay, Timeout.InfiniteTimeSpan);
        DelayDeactivation(delay + TimeSpan.FromMinutes(1)); // the timer lives only as long as the activation
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} v{Version} not handed to the webhook outbox yet ({Error}); kept to retry")]
    private static partial void LogHandOverFailed(ILogger logger, string alertId, int version, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Alerts} alert changes not taken by the alert index yet ({Error}); kept to retry")]
    private static partial void LogIndexFailed(ILogger logger, int alerts, string error);
}
