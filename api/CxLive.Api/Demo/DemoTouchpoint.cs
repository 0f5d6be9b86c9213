using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Api.Demo;

/// <summary>A simulated touchpoint: its definition, how fast it usually answers, and its share of all traffic.</summary>
internal sealed record DemoTouchpoint(string Id, TouchpointDefinition Definition, double MedianLatencyMs, double TrafficShare)
{
    public double LatencyThresholdMs => Definition.Effective().LatencyThresholdMs;

    public double SloTarget => Definition.Effective().SloTarget;
}
