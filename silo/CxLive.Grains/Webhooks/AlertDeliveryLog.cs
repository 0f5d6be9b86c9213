using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>One alert's webhook deliveries. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.AlertDeliveryLog")]
public sealed class AlertDeliveryLog
{
    /// <summary>The highest version enqueued: a notice at or below it is a duplicate (or older than what receivers have).</summary>
    [Id(0)] public int LatestVersion { get; set; }

    [Id(1)] public DateTimeOffset LastChangeAt { get; set; }

    /// <summary>Written by builds before the stored forms (the messages themselves): moved by <see cref="Upgrade"/>.</summary>
    [Id(2)] public List<AlertNotice>? LegacyNotices { get; set; }

    /// <summary>Written by builds before the stored forms: moved by <see cref="Upgrade"/>.</summary>
    [Id(3)] public List<WebhookDelivery>? LegacyDeliveries { get; set; }

    /// <summary>Changes with at least one pending delivery (the body is built from them).</summary>
    [Id(4)] public List<NoticeRecord> Notices { get; set; } = [];

    /// <summary>Per change and target: pending, delivered or dead-letter, oldest version first.</summary>
    [Id(5)] public List<DeliveryRecord> Deliveries { get; set; } = [];

    /// <summary>Moves what an older build stored into the stored forms (written with the next write).</summary>
    public void Upgrade()
    {
        if (LegacyNotices is null && LegacyDeliveries is null)
        {
            return;
        }

        Notices = [.. (LegacyNotices ?? []).Select(n => n.ToRecord()), .. Notices];
        Deliveries = [.. (LegacyDeliveries ?? []).Select(d => d.ToRecord()), .. Deliveries];
        (LegacyNotices, LegacyDeliveries) = (null, null);
    }
}
