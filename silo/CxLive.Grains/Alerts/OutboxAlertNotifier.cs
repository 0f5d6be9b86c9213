using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>Hands notices to the customer's durable webhook outbox (<see cref="IWebhookOutboxGrain"/>).</summary>
public sealed class OutboxAlertNotifier(IGrainFactory grains) : IAlertNotifier
{
    public Task<IReadOnlyList<WebhookDelivery>> Enqueue(AlertNotice notice) => grains.GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.KeyOf(notice.AlertId)).Enqueue(notice);
}
