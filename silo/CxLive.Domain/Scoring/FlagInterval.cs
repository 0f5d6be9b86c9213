namespace CxLive.Domain.Scoring;

/// <summary>
/// A stretch during which CxLive flagged a customer on a touchpoint. <see cref="Kind"/> is "disrupted" or "degraded";
/// <see cref="End"/> is null while the flag is still raised.
/// </summary>
public readonly record struct FlagInterval(DateTimeOffset Start, DateTimeOffset? End, string Touchpoint, string Kind);
