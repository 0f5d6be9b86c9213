using CxLive.Domain.Telemetry;

namespace CxLive.Api.Ingest;

/// <summary>One touchpoint's internal-KPI partial in a batch: counts and a latency sketch per slot, all customers together.</summary>
internal sealed class TouchpointKpiAccumulator
{
    public Dictionary<long, KpiSlot> Slots { get; } = [];

    public void Add(long slot, long total, long errors, long slow, double? latencyMs)
    {
        var entry = For(slot);
        entry.Total += total;
        entry.Errors += errors;
        entry.Slow += slow;
        if (latencyMs is { } latency)
        {
            entry.Sketch.Add(latency);
        }
    }

    public void MergeFrom(TouchpointKpiAccumulator other)
    {
        foreach (var (slot, source) in other.Slots)
        {
            var entry = For(slot);
            entry.Total += source.Total;
            entry.Errors += source.Errors;
            entry.Slow += source.Slow;
            entry.Sketch.Merge(source.Sketch);
        }
    }

    private KpiSlot For(long slot)
    {
        if (!Slots.TryGetValue(slot, out var entry))
        {
            entry = new KpiSlot();
            Slots[slot] = entry;
        }

        return entry;
    }

    internal sealed class KpiSlot
    {
        public long Total { get; set; }

        public long Errors { get; set; }

        public long Slow { get; set; }

        public LatencySketch Sketch { get; } = new();
    }
}
