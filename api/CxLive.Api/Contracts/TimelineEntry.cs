namespace CxLive.Api.Contracts;

/// <summary>Something that happened to a customer, for its timeline (API.md: at, kind, touchpoint, detail).</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Kind,
    string? Touchpoint,
    string Detail);
