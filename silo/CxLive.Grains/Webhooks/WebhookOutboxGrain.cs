using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// One customer's durable outbox of webhook deliveries. Every change of its state (a new notice, each try's outcome) is
/// written before anything else happens; the <see cref="WebhookDispatcher"/> does the HTTP off this grain's turn. The
/// delivery index learns which silo holds an outbox with deliveries pending (so they resume if that silo dies) and
/// every dead letter (for the fleet-wide list). Its size is one customer's alerts.
/// </summary>
internal sealed partial class WebhookOutboxGrain(
    [PersistentState("webhooks", StorageNames.Default)] IPersistentState<WebhookOutboxState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<WebhookOptions> options,
    WebhookDispatcher dispatcher,
    WebhookMetrics metrics,
    DeliveryIndex index,
    LocalSilo silo,
    ILogger<WebhookOutboxGrain> logger) : Grain, IWebhookOutboxGrain, IWebhookDeliveryLedger
{
    /// <summary>What the delivery index holds of this outbox (null after activation: written again from here).</summary>
    private bool? _indexedPending;
    private HashSet<string>? _indexedDeadLetters;

    /// <summary>The outbox's rules over this activation's state, made once (which also moves an older build's layout).</summary>
    private WebhookOutbox? _outbox;

    private WebhookOutbox Outbox => _outbox ??= new(state.State, options.Value);

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await DispatchAsync();
        await IndexAsync();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> Enqueue(AlertNotice notice)
    {
        if (Outbox.Add(notice, clock.GetUtcNow()))
        {
            await state.WriteStateAsync();
            await DispatchAsync();
            await IndexAsync();
        }

        return Outbox.Deliveries(notice.AlertId);
    }

    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveries(string alertId) => Task.FromResult(Outbox.Deliveries(alertId));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<WebhookDelivery>>> GetDeliveriesOf(IReadOnlyList<string> alertIds)
    {
        var found = new Dictionary<string, IReadOnlyList<WebhookDelivery>>(StringComparer.Ordinal);
        foreach (var alertId in alertIds)
        {
            if (!found.ContainsKey(alertId) && Outbox.Deliveries(alertId) is { Count: > 0 } deliveries)
            {
                found[alertId] = deliveries;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<WebhookDelivery>>>(found);
    }

    public Task ResumePending() => DispatchAsync();

    public async Task<bool> Record(WebhookAttemptReport report)
    {
        if (Outbox.Record(report, clock.GetUtcNow()) is not { } updated)
        {
            return false;
        }

        await state.WriteStateAsync();
        Count(updated);
        if (updated.State == WebhookDeliveryStates.Pending)
        {
            return true;
        }

        await DispatchAsync();
        await IndexAsync();
        return false;
    }

    /// <summary>Hands each lane's oldest pending delivery to the dispatcher (which ignores those it is trying already).</summary>
    private async Task DispatchAsync()
    {
        var abandoned = false;
        foreach (var (notice, delivery) in Outbox.LaneHeads().ToList())
        {
            if (options.Value.Target(delivery.Target) is { } target)
            {
                dispatcher.Start(Key, notice, target);
            }
            else if (Outbox.Abandon(delivery, $"target '{delivery.Target}' is no longer configured", clock.GetUtcNow()) is { } given)
            {
                Count(given);
                abandoned = true;
            }
        }

        if (abandoned)
        {
            await state.WriteStateAsync();
            await DispatchAsync();
        }
    }

    /// <summary>
    /// Brings the delivery index in line with this outbox: pending here or not, and its dead letters. A failure is
    /// logged and repaired at the next change or activation (the index never decides a delivery, it only finds them).
    /// </summary>
    private async Task IndexAsync()
    {
        try
        {
            var pending = Outbox.LaneHeads().Any();
            if (_indexedPending != pending)
            {
                await index.Pending(Key, pending ? silo.Key : null);
                _indexedPending = pending;
            }

            var dead = Outbox.DeadLetters().ToDictionary(DeliveryIndex.DeadLetterId, StringComparer.Ordinal);
            _indexedDeadLetters ??= [];
            foreach (var (id, delivery) in dead.Where(d => !_indexedDeadLetters.Contains(d.Key)))
            {
                await index.DeadLetter(delivery);
                _indexedDeadLetters.Add(id);
            }

            foreach (var id in _indexedDeadLetters.Where(id => !dead.ContainsKey(id)).ToList())
            {
                await index.ForgetDeadLetter(id);
                _indexedDeadLetters.Remove(id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _indexedPending = null;
            LogIndexFailed(logger, ex.GetType().Name);
        }
    }

    private void Count(WebhookDelivery delivery)
    {
        var target = new KeyValuePair<string, object?>("target", delivery.Target);
        switch (delivery.State)
        {
            case WebhookDeliveryStates.Delivered:
                metrics.Delivered.Add(1, target);
                WebhookLog.Delivered(logger, delivery.AlertId, delivery.Version, delivery.Target, delivery.Attempts);
                break;
            case WebhookDeliveryStates.DeadLetter:
                metrics.DeadLettered.Add(1, target);
                WebhookLog.DeadLettered(logger, delivery.AlertId, delivery.Version, delivery.Target, delivery.Attempts, delivery.LastError);
                break;
            default:
                metrics.Retried.Add(1, target);
                WebhookLog.WillRetry(logger, delivery.AlertId, delivery.Version, delivery.Target, delivery.Attempts, delivery.LastError);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery index did not take this outbox's state ({Error}); repaired at its next change")]
    private static partial void LogIndexFailed(ILogger logger, string error);
}
