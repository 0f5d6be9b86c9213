namespace CxLive.Api.Demo;

internal enum DemoIncidentKind
{
    /// <summary>A share of the customers' calls fail.</summary>
    Failing,

    /// <summary>A share of the customers' calls take several times the touchpoint's latency threshold.</summary>
    Slow,
}
