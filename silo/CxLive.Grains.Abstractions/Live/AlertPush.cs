using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Abstractions.Live;

/// <summary>An alert change for the hub: <c>alertRaised</c> for a new alert, <c>alertChanged</c> for any later change.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertPush")]
public sealed record AlertPush(
    [property: Id(0)] string Method,
    [property: Id(1)] Alert Alert)
{
    public const string Raised = "alertRaised";
    public const string Changed = "alertChanged";
}
