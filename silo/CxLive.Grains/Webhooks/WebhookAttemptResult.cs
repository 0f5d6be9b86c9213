namespace CxLive.Grains.Webhooks;

/// <summary>How one POST to a receiver ended.</summary>
[GenerateSerializer, Alias("cxlive.WebhookAttemptResult")]
public enum WebhookAttemptResult
{
    /// <summary>2xx.</summary>
    Delivered,

    /// <summary>5xx, 408, 429, a timeout or no connection: worth another try.</summary>
    Transient,

    /// <summary>Any other answer (4xx, 3xx): the receiver refuses this body; trying again will not help.</summary>
    Refused,
}
