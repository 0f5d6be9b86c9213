namespace CxLive.Api.Contracts;

/// <summary>
/// One step of an alert's life: raised, updated, acknowledged, escalated, cleared, resolved or silenced; who did it
/// (an API key's name, <c>anonymous</c>, or <c>cxlive</c>) and their note.
/// </summary>
public sealed record AlertHistoryEntry(
    DateTimeOffset At,
    string Action,
    string By,
    string? Note);
