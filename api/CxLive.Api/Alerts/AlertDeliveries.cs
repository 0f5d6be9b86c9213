using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Api.Alerts;

/// <summary>
/// Puts each alert's webhook delivery state beside it, from its customer's outbox. Guarded: when an outbox cannot answer
/// (not deployed, or busy) the alert is shown with an empty delivery list rather than not at all.
/// </summary>
internal sealed partial class AlertDeliveries(IGrainFactory grains, ILogger<AlertDeliveries> logger)
{
    public async Task<Alert> AttachAsync(Alert alert) => (await AttachAsync([alert]))[0];

    /// <summary>One call per customer outbox for the whole list, in parallel.</summary>
    public async Task<IReadOnlyList<Alert>> AttachAsync(IReadOnlyList<Alert> alerts)
    {
        if (alerts.Count == 0)
        {
            return alerts;
        }

        var answers = await Task.WhenAll(alerts.GroupBy(a => IWebhookOutboxGrain.KeyOf(a.Id), StringComparer.Ordinal).Select(FromOutboxAsync));
        var deliveries = answers.SelectMany(a => a).ToDictionary(StringComparer.Ordinal);
        return [.. alerts.Select(a => a with { Delivery = deliveries.TryGetValue(a.Id, out var found) ? found : [] })];
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<WebhookDelivery>>> FromOutboxAsync(IGrouping<string, Alert> alerts)
    {
        try
        {
            return await grains.GetGrain<IWebhookOutboxGrain>(alerts.Key).GetDeliveriesOf([.. alerts.Select(a => a.Id).Distinct(StringComparer.Ordinal)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveriesUnavailable(logger, ex);
            return new Dictionary<string, IReadOnlyList<WebhookDelivery>>();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook delivery state unavailable; alerts shown without it")]
    private static partial void LogDeliveriesUnavailable(ILogger logger, Exception exception);
}
