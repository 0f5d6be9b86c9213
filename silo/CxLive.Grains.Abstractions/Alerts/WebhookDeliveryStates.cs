namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>The values of <see cref="WebhookDelivery.State"/>.</summary>
public static class WebhookDeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string DeadLetter = "dead-letter";
}
