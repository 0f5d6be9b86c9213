namespace CxLive.Domain.Telemetry;

/// <summary>What changed with one evaluation of <see cref="DisruptionRule"/>, for the customer's timeline.</summary>
public enum DisruptionTransition
{
    /// <summary>Same state as before.</summary>
    None,

    /// <summary>The customer became disrupted.</summary>
    Entered,

    /// <summary>Left the disruption: the short-window upper bound fell below the recovery threshold.</summary>
    Recovered,

    /// <summary>Left the disruption: no traffic for the whole long window.</summary>
    TrafficStopped,
}
