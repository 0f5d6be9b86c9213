using CxLive.Domain.Touchpoints;

namespace CxLive.Domain.Telemetry;

/// <summary>
/// A touchpoint's internal KPI over the long window, all customers together (SCORING.md 2): counts and a mergeable
/// latency sketch per slot, fed by per-process partials. Availability = 1 - errors / total; p50/p95/p99 from the
/// merged sketch (relative error <see cref="LatencySketch.RelativeAccuracy"/>).
/// </summary>
public sealed class TouchpointKpiWindow(TelemetryOptions options)
{
    private readonly Dictionary<long, (WindowCounts Counts, LatencySketch Sketch)> _slots = [];

    /// <summary>Adds a partial; slots outside the long window before <paramref name="nowSlot"/> are ignored.</summary>
    public void Add(long nowSlot, long slot, WindowCounts counts, LatencySketch? sketch)
    {
        if (slot <= nowSlot - options.SlotsPerLongWindow || slot > nowSlot + options.SlotsPerShortWindow)
        {
            return;
        }

        if (_slots.TryGetValue(slot, out var entry))
        {
            if (sketch is not null)
            {
                entry.Sketch.Merge(sketch);
            }

            _slots[slot] = (entry.Counts.Plus(counts), entry.Sketch);
        }
        else
        {
            _slots[slot] = (counts, sketch ?? new LatencySketch());
        }
    }

    /// <summary>The slots held, for a checkpoint (<see cref="Add"/> them back to restore).</summary>
    public IEnumerable<(long Slot, WindowCounts Counts, LatencySketch Sketch)> Slots =>
        _slots.Select(s => (s.Key, s.Value.Counts, s.Value.Sketch));

    /// <summary>Drops what left the window, then judges what is in it (<see cref="InternalKpiVerdict.Judge"/>).</summary>
    public InternalKpiVerdict Judge(long nowSlot, double sloTarget, double latencyThresholdMs)
    {
        var oldest = nowSlot - options.SlotsPerLongWindow + 1;
        var total = default(WindowCounts);
        var merged = new LatencySketch();
        List<long>? expired = null;
        foreach (var (slot, entry) in _slots)
        {
            if (slot < oldest)
            {
                (expired ??= []).Add(slot);
                continue;
            }

            total = total.Plus(entry.Counts);
            merged.Merge(entry.Sketch);
        }

        foreach (var slot in expired ?? [])
        {
            _slots.Remove(slot);
        }

        return InternalKpiVerdict.Judge(total, merged, sloTarget, latencyThresholdMs);
    }
}
