namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// A customer's durable outbox of webhook deliveries (key: the customer id). Its alert grain hands it each change after
/// its own state is written; the outbox keeps it until every matching webhook target has it or gives up. The outbox
/// with key <see cref="LegacyKey"/> holds what builds before per-customer outboxes had queued, and drains it.
/// </summary>
[Alias("cxlive.IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : IGrainWithStringKey
{
    /// <summary>The single outbox of earlier builds (customer ids may be "webhooks" too; its alerts simply share it).</summary>
    const string LegacyKey = "webhooks";

    /// <summary>The outbox of the customer an alert belongs to.</summary>
    static string KeyOf(string alertId) => Domain.Alerts.AlertIds.CustomerOf(alertId) ?? LegacyKey;

    /// <summary>
    /// Durable when the task completes. A notice already known (same alert id and version) is ignored. Answers the
    /// delivery state of every change of that alert (what a push of the alert shows beside it).
    /// </summary>
    [Alias("Enqueue")]
    Task<IReadOnlyList<WebhookDelivery>> Enqueue(AlertNotice notice);

    /// <summary>The delivery state of every change of one alert, per target, oldest first.</summary>
    [Alias("GetDeliveries")]
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveries(string alertId);

    /// <summary>The delivery state of many alerts in one call (a page of alerts), keyed by alert id; ids with none are left out.</summary>
    [Alias("GetDeliveriesOf")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<WebhookDelivery>>> GetDeliveriesOf(IReadOnlyList<string> alertIds);

}

/// <summary>One alert change on its way to one webhook target.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.WebhookDelivery")]
public sealed record WebhookDelivery
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required int Version { get; init; }

    /// <summary>The configured webhook's name (never its URL or secret).</summary>
    [Id(2)] public required string Target { get; init; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>dead-letter</c>.</summary>
    [Id(3)] public required string State { get; init; }

    [Id(4)] public int Attempts { get; init; }
    [Id(5)] public DateTimeOffset? LastAttemptAt { get; init; }
    [Id(6)] public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Status code or exception type of the last failure; no response bodies.</summary>
    [Id(7)] public string? LastError { get; init; }
}
