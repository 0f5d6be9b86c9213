using CxLive.Grains.Abstractions.Alerts;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Webhooks;

// The webhook outbox's stored forms (AlertDeliveryLog), named by aliases of their own: the notice the alert grain hands
// over and the delivery state an alert is shown with can change without touching what is stored. Never renumber an [Id].

/// <summary>A change to deliver, as stored until nothing waits for it.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.NoticeRecord")]
public sealed record NoticeRecord
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string Owner { get; init; }
    [Id(3)] public required string Status { get; init; }
    [Id(4)] public required string Change { get; init; }
    [Id(5)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    [Id(6)] public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    [Id(7)] public required string AlertJson { get; init; }
    [Id(8)] public required DateTimeOffset At { get; init; }
}

/// <summary>One change's delivery to one target, as stored.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.DeliveryRecord")]
public sealed record DeliveryRecord
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required int Version { get; init; }
    [Id(2)] public required string Target { get; init; }
    [Id(3)] public required string State { get; init; }
    [Id(4)] public int Attempts { get; init; }
    [Id(5)] public DateTimeOffset? LastAttemptAt { get; init; }
    [Id(6)] public DateTimeOffset? DeliveredAt { get; init; }
    [Id(7)] public string? LastError { get; init; }
}

/// <summary>Between the stored forms and the messages, generated at compile time (Mapperly), every member required both ways.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class DeliveryRecords
{
    public static partial NoticeRecord ToRecord(this AlertNotice notice);

    public static partial AlertNotice ToMessage(this NoticeRecord notice);

    public static partial DeliveryRecord ToRecord(this WebhookDelivery delivery);

    public static partial WebhookDelivery ToMessage(this DeliveryRecord delivery);
}
