using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Api.Ingest;

/// <summary>
/// One customer x touchpoint in a batch: counts per slot, and a bounded sample of raw latencies from which the
/// customer grain's median-latency baseline is fed (SCORING.md 1, "against their own past").
/// </summary>
internal sealed class TouchpointAccumulator(string touchpoint)
{
    public const int MaxSamples = 31;
    private double[]? _samples;
    private int _seen;

    public string Touchpoint { get; } = touchpoint;

    public List<SlotCounts> Slots { get; } = new(2);

    public ReadOnlySpan<double> Samples => _samples.AsSpan(0, Math.Min(_seen, MaxSamples));

    public void Add(long slot, long total, long errors, long slow, double? latencyMs)
    {
        AddCounts(new SlotCounts(slot, (int)total, (int)errors, (int)slow));
        if (latencyMs is { } latency)
        {
            Sample(latency);
        }
    }

    public void MergeFrom(TouchpointAccumulator other)
    {
        foreach (var slot in other.Slots)
        {
            AddCounts(slot);
        }

        foreach (var latency in other.Samples)
        {
            Sample(latency);
        }
    }

    private void AddCounts(SlotCounts counts)
    {
        for (var i = Slots.Count - 1; i >= 0; i--)
        {
            if (Slots[i].Slot == counts.Slot)
            {
                Slots[i] = Slots[i].Plus(counts);
                return;
            }
        }

        Slots.Add(counts);
    }

    /// <summary>Keeps the first samples, then replaces them round-robin so later traffic is represented too.</summary>
    private void Sample(double latency)
    {
        var at = _seen % MaxSamples;
        if (_samples is null || (at >= _samples.Length && _samples.Length < MaxSamples))
        {
            // Most pairs see a handful of events per flush: grow on demand up to MaxSamples.
            Array.Resize(ref _samples, Math.Min(MaxSamples, Math.Max(2, (_samples?.Length ?? 0) * 2)));
        }

        _samples[at] = latency;
        _seen++;
    }
}
