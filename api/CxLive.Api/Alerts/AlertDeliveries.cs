using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Api.Alerts;

/// <summary>
/// Puts each alert's webhook delivery state beside it, from the outbox. Guarded: when the outbox cannot answer (not
/// deployed, or busy) the alert is shown with an empty delivery list rather than not at all.
/// </summary>
internal sealed partial class AlertDeliveries(IGrainFactory grains, ILogger<AlertDeliveries> logger)
{
    public async Task<Alert> AttachAsync(Alert alert) => (await AttachAsync([alert]))[0];

    /// <summary>One outbox call for the whole list, however long.</summary>
    public async Task<IReadOnlyList<Alert>> AttachAsync(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return alerts;
        }

        IReadOnlyDictionary<string, IReadOnlyList<WebhookDelivery>> deliveries;
        try
        {
            deliveries = await grains.GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.Key).GetDeliveriesOf([.. alerts.Select(a => a.Id)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveriesUnavailable(logger, ex);
            deliveries = new Dictionary<string, IReadOnlyList<WebhookDelivery>>();
        }

        return [.. alerts.Select(a => a with { Delivery = deliveries.TryGetValue(a.Id, out var found) ? found : [] })];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery state unavailable; alerts shown without it")]
    private static partial void LogDeliveriesUnavailable(ILogger logger, Exception exception);
}
