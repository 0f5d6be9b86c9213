namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// One step of an alert's life: raised, updated, acknowledged, escalated, cleared, resolved or silenced; who did it
/// (an API key's name, <c>anonymous</c>, or <c>cxlive</c>) and their note.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertHistoryEntry")]
public sealed record AlertHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Action,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note);
