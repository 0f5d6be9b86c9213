using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// Where alert grains hand each durable, unsilenced change for delivery. The default is the webhook outbox grain;
/// tests put a recorder here. Enqueue is idempotent by alert id and version, so a notice may be handed over twice.
/// It answers the delivery state of the alert's changes so far.
/// </summary>
public interface IAlertNotifier
{
    Task<IReadOnlyList<WebhookDelivery>> Enqueue(AlertNotice notice);
}
