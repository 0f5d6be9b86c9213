using CxLive.Grains.Abstractions.Alerts;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Alerts;

/// <summary>
/// An alert as its grain persists it (<see cref="CustomerAlertsState"/>, version 2): the stored form is this type, named
/// by its own alias, so the message (<see cref="Alert"/>) and the JSON it becomes can change without touching what is
/// stored. It holds what the grain must remember; what is read beside an alert (its webhook deliveries) is not here.
/// Never renumber an [Id].
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertRecord")]
public sealed record AlertRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CustomerId { get; init; }
    [Id(2)] public required string Reason { get; init; }
    [Id(3)] public required string Severity { get; init; }
    [Id(4)] public required string AccountManager { get; init; }
    [Id(5)] public required string State { get; init; }
    [Id(6)] public required DateTimeOffset OpenedAt { get; init; }
    [Id(7)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(8)] public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The evidence of the last change, kept as the message carried it (a snapshot, by value).</summary>
    [Id(9)] public required AlertEvidence Evidence { get; init; }
    [Id(10)] public IReadOnlyList<AlertHistoryEntry> History { get; init; } = [];
    [Id(11)] public int Version { get; init; } = 1;
    [Id(12)] public string? Touchpoint { get; init; }
    [Id(13)] public required string Title { get; init; }
    [Id(14)] public int Occurrences { get; init; } = 1;
    [Id(15)] public required DateTimeOffset LastSeenAt { get; init; }
    [Id(16)] public bool Cleared { get; init; }
    [Id(17)] public DateTimeOffset? ClearedAt { get; init; }
    [Id(18)] public bool Escalated { get; init; }
    [Id(19)] public DateTimeOffset? EscalatedAt { get; init; }
    [Id(20)] public string? EscalatedTo { get; init; }
    [Id(21)] public bool Silenced { get; init; }
    [Id(22)] public string? SilenceId { get; init; }
}

/// <summary>Between the stored form and the message, generated at compile time (Mapperly): a field added to one and not the other fails the build.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class AlertRecords
{
    [MapperIgnoreSource(nameof(Alert.Delivery))]
    public static partial AlertRecord ToRecord(this Alert alert);

    [MapperIgnoreTarget(nameof(Alert.Delivery))]
    public static partial Alert ToAlert(this AlertRecord record);
}
