namespace CxLive.Grains.Webhooks;

/// <summary>What the webhook outbox persists: per alert, its deliveries and the changes still to deliver. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.WebhookOutboxState")]
public sealed class WebhookOutboxState
{
    [Id(0)] public Dictionary<string, AlertDeliveryLog> Alerts { get; set; } = new(StringComparer.Ordinal);
}
