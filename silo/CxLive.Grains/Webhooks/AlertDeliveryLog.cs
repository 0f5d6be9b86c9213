using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>One alert's webhook deliveries. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.AlertDeliveryLog")]
public sealed class AlertDeliveryLog
{
    /// <summary>The highest version enqueued: a notice at or below it is a duplicate (or older than what receivers have).</summary>
    [Id(0)] public int LatestVersion { get; set; }

    [Id(1)] public DateTimeOffset LastChangeAt { get; set; }

    /// <summary>Changes with at least one pending delivery (the body is built from them).</summary>
    [Id(2)] public List<AlertNotice> Notices { get; set; } = [];

    /// <summary>Per change and target: pending, delivered or dead-letter, oldest version first.</summary>
    [Id(3)] public List<WebhookDelivery> Deliveries { get; set; } = [];
}
