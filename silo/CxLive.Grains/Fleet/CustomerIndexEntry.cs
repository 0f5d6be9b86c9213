using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Fleet;

/// <summary>
/// What a customer grain tells the customer index: its summary (lists), and per touchpoint whether it is active and
/// disrupted there (the touchpoints' customer counts). <see cref="Silo"/> names the silo holding its live state while
/// there is any (active, disrupted or degraded somewhere), so that the customers of a silo that died can be woken.
/// </summary>
public sealed record CustomerIndexEntry(CustomerSummary Summary, IReadOnlyList<TouchpointPresence> Touchpoints, string? Silo);

/// <summary>A customer on one touchpoint: active (traffic in the long window) and disrupted.</summary>
public readonly record struct TouchpointPresence(string Touchpoint, bool Active, bool Disrupted);
