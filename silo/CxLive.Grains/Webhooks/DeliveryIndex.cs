using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Index;
using Orleans.Serialization;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// What the customers' webhook outboxes tell the fleet index: which outboxes have deliveries pending and on which silo
/// (so that those of a silo that died are resumed elsewhere), and every dead letter (GET /api/v1/webhooks/dead-letters).
/// No grain holds every delivery.
/// </summary>
public sealed class DeliveryIndex(IFleetIndex index, Serializer<WebhookDelivery> serializer)
{
    public const string Outboxes = "outboxes";
    public const string DeadLetterIndex = "dead-letters";
    private const string SiloTag = "silo:";

    /// <summary>Records that outbox <paramref name="outbox"/> on <paramref name="silo"/> has deliveries pending, or (null) that it has none.</summary>
    public Task Pending(string outbox, string? silo) =>
        silo is null
            ? index.Delete(Outboxes, outbox)
            : index.Upsert(Outboxes, new IndexRow
            {
                Id = outbox,
                Tags = [SiloTag + silo],
                Sorts = new Dictionary<string, double>(StringComparer.Ordinal) { ["id"] = 0 },
                Counters = new Dictionary<string, double>(StringComparer.Ordinal) { ["pending"] = 1 },
            });

    public static string DeadLetterId(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return $"{delivery.AlertId}\n{delivery.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{delivery.Target}";
    }

    public Task DeadLetter(WebhookDelivery delivery) => index.Upsert(DeadLetterIndex, new IndexRow
    {
        Id = DeadLetterId(delivery),
        Payload = serializer.SerializeToArray(delivery),
        Sorts = new Dictionary<string, double>(StringComparer.Ordinal) { ["at"] = (delivery.LastAttemptAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds() },
        Counters = new Dictionary<string, double>(StringComparer.Ordinal) { ["count"] = 1 },
    });

    public Task ForgetDeadLetter(string id) => index.Delete(DeadLetterIndex, id);

    /// <summary>The most recent <paramref name="limit"/> dead letters, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeadLetters(int limit)
    {
        var page = await index.Query(DeadLetterIndex, new IndexQuery { Sort = "at", Descending = true, Limit = limit });
        return [.. page.Rows.Select(r => serializer.Deserialize(r.Payload)!).Reverse()];
    }

    public async Task<IReadOnlyList<string>> SilosWithPending() =>
        [.. (await index.TagsStartingWith(Outboxes, SiloTag)).Select(t => t[SiloTag.Length..])];

    public async Task<IReadOnlyList<string>> OutboxesOn(string silo, int limit) =>
        [.. (await index.Query(Outboxes, new IndexQuery { Tags = [SiloTag + silo], Sort = "id", Limit = limit })).Rows.Select(r => r.Id)];
}
