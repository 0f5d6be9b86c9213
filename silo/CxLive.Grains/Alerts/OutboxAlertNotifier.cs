using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>Hands notices to the durable webhook outbox (<see cref="IWebhookOutboxGrain"/>).</summary>
public sealed class OutboxAlertNotifier(IGrainFactory grains) : IAlertNotifier
{
    public Task Enqueue(AlertNotice notice) => grains.GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.Key).Enqueue(notice);
}
