using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// The outbox's rules over its persisted state, without a silo: one delivery per change and matching target, dedup on
/// (alert, version, target), one lane per alert and target delivered oldest version first, bounded history. It works on
/// the stored forms (<see cref="NoticeRecord"/>, <see cref="DeliveryRecord"/>) and answers messages.
/// </summary>
internal sealed class WebhookOutbox
{
    private readonly WebhookOutboxState _state;
    private readonly WebhookOptions _options;

    public WebhookOutbox(WebhookOutboxState state, WebhookOptions options)
    {
        (_state, _options) = (state, options);
        foreach (var log in state.Alerts.Values)
        {
            log.Upgrade(); // what an older build stored, once
        }
    }

    /// <summary>Adds a delivery per matching target; false when the notice is known already or no target wants it.</summary>
    public bool Add(AlertNotice notice, DateTimeOffset now)
    {
        if (_state.Alerts.TryGetValue(notice.AlertId, out var known) && notice.Version <= known.LatestVersion)
        {
            return false;
        }

        var targets = _options.Targets.Where(t => t.Receives(notice.Owner)).ToList();
        if (targets.Count == 0)
        {
            return false;
        }

        var log = known ?? (_state.Alerts[notice.AlertId] = new AlertDeliveryLog());
        log.LatestVersion = notice.Version;
        log.LastChangeAt = now;
        log.Notices.Add(notice.ToRecord());
        log.Deliveries.AddRange(targets.Select(t => new DeliveryRecord
        {
            AlertId = notice.AlertId,
            Version = notice.Version,
            Target = t.Name,
            State = WebhookDeliveryStates.Pending,
        }));
        ForgetOldAlerts();
        return true;
    }

    /// <summary>Per alert and target, the oldest pending delivery with its change: the only one that may be in flight.</summary>
    public IEnumerable<(AlertNotice Notice, WebhookDelivery Delivery)> LaneHeads() =>
        from log in _state.Alerts.Values
        from lane in log.Deliveries.Where(d => d.State == WebhookDeliveryStates.Pending).GroupBy(d => d.Target)
        let head = lane.MinBy(d => d.Version)!
        select (log.Notices.First(n => n.Version == head.Version).ToMessage(), head.ToMessage());

    /// <summary>Applies one try's outcome; the updated record, or null when the delivery is no longer pending.</summary>
    public WebhookDelivery? Record(WebhookAttemptReport report, DateTimeOffset now)
    {
        if (!_state.Alerts.TryGetValue(report.AlertId, out var log))
        {
            return null;
        }

        var index = log.Deliveries.FindIndex(d => d.Version == report.Version && d.Target == report.Target && d.State == WebhookDeliveryStates.Pending);
        if (index < 0)
        {
            return null;
        }

        var tried = log.Deliveries[index] with { Attempts = log.Deliveries[index].Attempts + 1, LastAttemptAt = now };
        var updated = report.Result switch
        {
            WebhookAttemptResult.Delivered => tried with { State = WebhookDeliveryStates.Delivered, DeliveredAt = now },
            WebhookAttemptResult.Refused => tried with { State = WebhookDeliveryStates.DeadLetter, LastError = report.Error },
            _ when tried.Attempts >= _options.MaxAttempts => tried with
            {
                State = WebhookDeliveryStates.DeadLetter,
                LastError = $"{report.Error} (gave up after {tried.Attempts} attempts)",
            },
            _ => tried with { LastError = report.Error },
        };
        return Apply(log, index, updated);
    }

    /// <summary>Dead-letters a pending delivery whose target is no longer configured.</summary>
    public WebhookDelivery? Abandon(WebhookDelivery delivery, string reason, DateTimeOffset now) =>
        _state.Alerts.TryGetValue(delivery.AlertId, out var log) && log.Deliveries.IndexOf(delivery.ToRecord()) is var index and >= 0
            ? Apply(log, index, log.Deliveries[index] with { State = WebhookDeliveryStates.DeadLetter, LastError = reason, LastAttemptAt = now })
            : null;

    public IReadOnlyList<WebhookDelivery> Deliveries(string alertId) =>
        _state.Alerts.TryGetValue(alertId, out var log) ? [.. log.Deliveries.Select(d => d.ToMessage())] : [];

    public IReadOnlyList<WebhookDelivery> DeadLetters() =>
    [
        .. _state.Alerts.Values
            .SelectMany(log => log.Deliveries)
            .Where(d => d.State == WebhookDeliveryStates.DeadLetter)
            .OrderBy(d => d.LastAttemptAt)
            .Select(d => d.ToMessage()),
    ];

    private WebhookDelivery Apply(AlertDeliveryLog log, int index, DeliveryRecord updated)
    {
        log.Deliveries[index] = updated;
        if (updated.State != WebhookDeliveryStates.Pending)
        {
            Settle(log);
        }

        return updated.ToMessage();
    }

    /// <summary>Drops changes nothing waits for any more, and finished records beyond <see cref="WebhookOptions.KeepPerAlert"/>.</summary>
    private void Settle(AlertDeliveryLog log)
    {
        log.Notices.RemoveAll(n => !log.Deliveries.Exists(d => d.Version == n.Version && d.State == WebhookDeliveryStates.Pending));
        var finished = log.Deliveries.Count(d => d.State != WebhookDeliveryStates.Pending);
        for (var i = 0; i < log.Deliveries.Count && finished > _options.KeepPerAlert;)
        {
            if (log.Deliveries[i].State == WebhookDeliveryStates.Pending)
            {
                i++;
                continue;
            }

            log.Deliveries.RemoveAt(i);
            finished--;
        }
    }

    private void ForgetOldAlerts()
    {
        if (_state.Alerts.Count <= _options.KeepAlerts)
        {
            return;
        }

        var forgettable = _state.Alerts
            .Where(a => !a.Value.Deliveries.Exists(d => d.State == WebhookDeliveryStates.Pending))
            .OrderBy(a => a.Value.LastChangeAt)
            .Take(_state.Alerts.Count - _options.KeepAlerts)
            .Select(a => a.Key)
            .ToList();
        forgettable.ForEach(id => _state.Alerts.Remove(id));
    }
}
