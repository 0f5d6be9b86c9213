using System.Collections.Concurrent;

namespace CxLive.Domain.Telemetry;

/// <summary>
/// Shape of one level of a <see cref="SlotWindow"/> (slots, minutes, hours), shared by every window with the
/// same options so a window carries no per-level configuration of its own.
/// </summary>
internal sealed class RingLevel
{
    private static readonly ConcurrentDictionary<(int Slot, int Long, int Minutes, int Hours), RingLevel> Shapes = new();

    private RingLevel(int capacity, int unitSeconds, RingLevel? next)
    {
        Capacity = capacity;
        UnitSeconds = unitSeconds;
        Next = next;
        UnitsPerNext = next is null ? 0 : next.UnitSeconds / unitSeconds;
    }

    /// <summary>How many units (slots, minutes, hours) the ring holds.</summary>
    public int Capacity { get; }

    public int UnitSeconds { get; }

    /// <summary>The coarser level that units roll into once they fall out of this ring; null for the last.</summary>
    public RingLevel? Next { get; }

    /// <summary>Units of this level per unit of <see cref="Next"/>: unit index <c>i</c> rolls into <c>i / UnitsPerNext</c>.</summary>
    public int UnitsPerNext { get; }

    /// <summary>The slot level of the chain slots -> minutes -> hours for these options.</summary>
    public static RingLevel For(TelemetryOptions options) =>
        Shapes.GetOrAdd(
            (options.SlotSeconds, options.LongWindowSeconds, options.MinutesHistory, options.HoursHistory),
            static key =>
            {
                var hours = new RingLevel(key.Hours, 3600, next: null);
                var minutes = new RingLevel(key.Minutes, 60, hours);
                return new RingLevel(key.Long / key.Slot, key.Slot, minutes);
            });
}
