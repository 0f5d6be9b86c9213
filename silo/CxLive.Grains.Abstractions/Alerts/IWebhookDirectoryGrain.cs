namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>The webhook views across every customer's outbox (key 0; a stateless worker on every silo).</summary>
[Alias("cxlive.IWebhookDirectoryGrain")]
public interface IWebhookDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The configured webhook targets as the silo sees them, without secrets or URL credentials.</summary>
    [Alias("GetTargets")]
    Task<IReadOnlyList<WebhookTargetView>> GetTargets();

    /// <summary>Deliveries given up (refused, or after Webhooks:MaxAttempts tries), the most recent first taken, oldest first shown.</summary>
    [Alias("GetDeadLetters")]
    Task<IReadOnlyList<WebhookDelivery>> GetDeadLetters();
}
