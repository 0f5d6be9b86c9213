using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Api.Alerts;

/// <summary>
/// Puts each alert's webhook delivery state beside it, from the outbox. Guarded: when the outbox cannot answer (not
/// deployed, or busy) the alert is shown with an empty delivery list rather than not at all.
/// </summary>
internal sealed partial class AlertDeliveries(IGrainFactory grains, ILogger<AlertDeliveries> logger)
{
    public async Task<Alert> AttachAsync(Alert alert) => alert with { Delivery = await ReadAsync(alert.Id) };

    public async Task<IReadOnlyList<Alert>> AttachAsync(IReadOnlyList<Alert> alerts)
    {
        var attached = new Alert[alerts.Count];
        for (var i = 0; i < alerts.Count; i++)
        {
            attached[i] = await AttachAsync(alerts[i]);
        }

        return attached;
    }

    private async Task<IReadOnlyList<WebhookDelivery>> ReadAsync(string alertId)
    {
        try
        {
            return await grains.GetGrain<IWebhookOutboxGrain>(IWebhookOutboxGrain.Key).GetDeliveries(alertId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveriesUnavailable(logger, ex);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery state unavailable; alerts shown without it")]
    private static partial void LogDeliveriesUnavailable(ILogger logger, Exception exception);
}
