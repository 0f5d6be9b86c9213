using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Abstractions.Live;

/// <summary>
/// An alert change on its way to the live feed: the alert as it is now, and whether the change raised it. What the
/// watchers of the hub are told (which method) is the api's business (LiveBridge, ILiveClient).
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertPush")]
public sealed record AlertPush(
    [property: Id(1)] Alert Alert,
    [property: Id(2)] bool Raised);
