using System.Diagnostics.Metrics;

namespace CxLive.Grains;

/// <summary>CxLive's own instruments on the silo side (meter "CxLive", names cxlive.*).</summary>
public sealed class GrainMetrics
{
    public const string MeterName = "CxLive";

    public GrainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        DetectionLag = meter.CreateHistogram<double>("cxlive.detection.lag", "ms", "From receipt of the telemetry that tipped a verdict to the verdict");
        GrainBatchSlots = meter.CreateHistogram<int>("cxlive.grain.batch.slots", "{slot}", "Touchpoint x slot deltas per customer grain call");
        Transitions = meter.CreateCounter<long>("cxlive.verdict.transitions", "{transition}", "Disruption and degradation transitions");
        IndexWrites = meter.CreateCounter<long>("cxlive.index.writes", "{row}", "Fleet index rows written (a row whose content did not change is not written)");
    }

    public Histogram<double> DetectionLag { get; }

    public Histogram<int> GrainBatchSlots { get; }

    public Counter<long> Transitions { get; }

    public Counter<long> IndexWrites { get; }
}
