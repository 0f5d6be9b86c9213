namespace CxLive.Domain.Telemetry;

/// <summary>
/// One ring of a <see cref="SlotWindowState"/>: its newest unit index and its non-empty units, as parallel arrays
/// (unit index, total, errors, slow) in ascending index order.
/// </summary>
public sealed record RingState(long Head, long[] Indexes, int[] Totals, int[] Errors, int[] Slow);
