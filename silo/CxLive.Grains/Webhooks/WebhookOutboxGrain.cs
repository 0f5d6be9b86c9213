using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// The durable outbox of webhook deliveries. Every change of its state (a new notice, each try's outcome) is written
/// before anything else happens; the <see cref="WebhookDispatcher"/> does the HTTP off this grain's turn.
/// </summary>
internal sealed class WebhookOutboxGrain(
    [PersistentState("webhooks", StorageNames.Default)] IPersistentState<WebhookOutboxState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<WebhookOptions> options,
    WebhookDispatcher dispatcher,
    WebhookMetrics metrics,
    ILogger<WebhookOutboxGrain> logger) : Grain, IWebhookOutboxGrain, IWebhookDeliveryLedger
{
    private WebhookOutbox Outbox => new(state.State, options.Value);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => DispatchAsync();

    public async Task Enqueue(AlertNotice notice)
    {
        if (Outbox.Add(notice, clock.GetUtcNow()))
        {
            await state.WriteStateAsync();
            await DispatchAsync();
        }
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

    public Task<IReadOnlyList<WebhookDelivery>> GetDeadLetters() => Task.FromResult(Outbox.DeadLetters());

    public Task<IReadOnlyList<WebhookTargetView>> GetTargets() => Task.FromResult<IReadOnlyList<WebhookTargetView>>(
    [
        .. options.Value.Targets.Select(t => new WebhookTargetView { Name = t.Name, Endpoint = t.Endpoint(), Owners = [.. t.Owners] }),
    ]);

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
                dispatcher.Start(notice, target);
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
}
