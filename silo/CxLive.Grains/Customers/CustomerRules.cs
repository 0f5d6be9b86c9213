using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Customers;

/// <summary>
/// Everything a look at a customer is judged by, in one place: the options, the rules, this process's touchpoint
/// catalog and the revenue line between the quadrants' halves. One per process (a silo registers it); tests build
/// their own with fixed values.
/// </summary>
public sealed class CustomerRules(
    TelemetryOptions telemetry,
    ScoringOptions scoring,
    AlertOptions alerts,
    DisruptionRule disruption,
    AlertRules alertRules,
    TouchpointCatalog catalog,
    Func<double> revenueLine)
{
    public TelemetryOptions Telemetry { get; } = telemetry;

    public ScoringOptions Scoring { get; } = scoring;

    public AlertOptions Alerts { get; } = alerts;

    public DisruptionRule Disruption { get; } = disruption;

    public AlertRules AlertRules { get; } = alertRules;

    public TouchpointCatalog Catalog { get; } = catalog;

    /// <summary>The revenue that splits the quadrants (Scoring:RevenueThreshold, else the fleet's median).</summary>
    public double RevenueLine => revenueLine();

    public double SloTarget(string touchpoint) => Catalog.Definition(touchpoint)?.SloTarget ?? Abstractions.Touchpoints.TouchpointDefinition.DefaultSloTarget;
}
