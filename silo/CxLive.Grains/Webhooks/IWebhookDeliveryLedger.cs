namespace CxLive.Grains.Webhooks;

/// <summary>
/// The outbox's side that only the silo uses (same grain as <see cref="Abstractions.Alerts.IWebhookOutboxGrain"/>):
/// the start-up resume and the dispatcher's reports. Every state change goes through here, one turn at a time.
/// </summary>
[Alias("cxlive.IWebhookDeliveryLedger")]
public interface IWebhookDeliveryLedger : IGrainWithStringKey
{
    /// <summary>Activates the outbox and hands every pending delivery to the dispatcher.</summary>
    [Alias("ResumePending")]
    Task ResumePending();

    /// <summary>Records one try, durably; <see langword="true"/> when the delivery is still pending and should be tried again.</summary>
    [Alias("Record")]
    Task<bool> Record(WebhookAttemptReport report);
}
