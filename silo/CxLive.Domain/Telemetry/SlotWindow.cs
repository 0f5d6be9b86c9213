namespace CxLive.Domain.Telemetry;

/// <summary>
/// What one customer saw on one touchpoint: (total, errors, slow) counts in slots of
/// <see cref="TelemetryOptions.SlotSeconds"/>, keyed by absolute slot index (<c>unix seconds / SlotSeconds</c>),
/// in a ring that covers the long window. Late and out-of-order deltas land in their own slot as long as it is
/// still in the ring. Slots that fall out roll into per-minute history (<see cref="TelemetryOptions.MinutesHistory"/>),
/// and minutes into per-hour history (<see cref="TelemetryOptions.HoursHistory"/>) so trends survive; a delta
/// older than the ring goes straight to the coarser level that still covers it. History is kept relative to the
/// newest data, not the clock: an idle window keeps its last week until <see cref="AdvanceTo"/> or new traffic
/// moves it on, so trend readers should filter points by time.
/// <para>
/// Memory: about 0.3 KB with traffic in the ring while every slot has fewer than 256 interactions (byte cells), about
/// 0.5 KB up to 65,535 (ushort cells), about 0.8 KB beyond (int cells). History rings are allocated only when a slot actually rolls into them.
/// </para>
/// </summary>
public sealed class SlotWindow
{
    private readonly CountRing _slots;
    private readonly int _shortSlots;

    public SlotWindow(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slots = new CountRing(RingLevel.For(options));
        _shortSlots = options.SlotsPerShortWindow;
    }

    /// <summary>Newest slot index the window has seen or been advanced to; null before any.</summary>
    public long? NewestSlot => _slots.IsEmpty ? null : _slots.Head;

    /// <summary>Slots in the long window (the ring's capacity).</summary>
    public int LongWindowSlots => _slots.Level.Capacity;

    public int ShortWindowSlots => _shortSlots;

    /// <summary>
    /// Adds a delta for slot <paramref name="slotIndex"/>. <paramref name="errors"/> counts failed interactions,
    /// <paramref name="slow"/> successful ones slower than the threshold (disjoint, so errors + slow &lt;= total).
    /// Returns false when the slot is older than all history kept (the delta is dropped).
    /// </summary>
    public bool Add(long slotIndex, int total, int errors, int slow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(errors);
        ArgumentOutOfRangeException.ThrowIfNegative(slow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)errors + slow, total, nameof(total));
        return _slots.Add(slotIndex, total, errors, slow);
    }

    /// <summary>Moves the ring forward without traffic, rolling slots that fall out into history.</summary>
    public void AdvanceTo(long slotIndex) => _slots.AdvanceTo(slotIndex);

    /// <summary>
    /// Counts of the <paramref name="slots"/> slots ending at <paramref name="nowSlot"/>: slots in
    /// <c>(nowSlot - slots, nowSlot]</c>. Exact when <paramref name="slots"/> &lt;= <see cref="LongWindowSlots"/>
    /// and <paramref name="nowSlot"/> is not behind the newest slot.
    /// </summary>
    public WindowCounts Sum(long nowSlot, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        return _slots.Sum(nowSlot - slots + 1, nowSlot);
    }

    /// <summary>Counts over the short window ending at <paramref name="nowSlot"/>.</summary>
    public WindowCounts ShortWindow(long nowSlot) => Sum(nowSlot, _shortSlots);

    /// <summary>Counts over the long window ending at <paramref name="nowSlot"/>.</summary>
    public WindowCounts LongWindow(long nowSlot) => Sum(nowSlot, LongWindowSlots);

    /// <summary>Per-minute counts of everything held (ring and minute history), oldest first.</summary>
    public IReadOnlyList<TrendPoint> MinuteTrend()
    {
        var byMinute = new Dictionary<long, WindowCounts>();
        _slots.AccumulateInto(byMinute, _slots.Level.UnitsPerNext);
        _slots.Next?.AccumulateInto(byMinute, 1);
        return ToTrend(byMinute, 60);
    }

    /// <summary>Per-hour counts of everything held (ring, minute and hour history), oldest first.</summary>
    public IReadOnlyList<TrendPoint> HourTrend()
    {
        var byHour = new Dictionary<long, WindowCounts>();
        var minutes = _slots.Next;
        _slots.AccumulateInto(byHour, _slots.Level.UnitsPerNext * 60L);
        minutes?.AccumulateInto(byHour, 60);
        minutes?.Next?.AccumulateInto(byHour, 1);
        return ToTrend(byHour, 3600);
    }

    /// <summary>The window as plain data for a checkpoint; <see cref="FromState"/> rebuilds it.</summary>
    public SlotWindowState ToState()
    {
        var minutes = _slots.Next;
        return new SlotWindowState(_slots.Level.UnitSeconds, _slots.ToState(), minutes?.ToState(), minutes?.Next?.ToState());
    }

    /// <summary>
    /// Rebuilds a window from a checkpoint. History that no longer fits changed Minutes/HoursHistory options rolls
    /// on or is dropped like live traffic would; a checkpoint with another slot width is refused.
    /// </summary>
    public static SlotWindow FromState(TelemetryOptions options, SlotWindowState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        if (state.SlotSeconds != options.SlotSeconds)
        {
            throw new ArgumentException(
                $"The checkpoint has {state.SlotSeconds} s slots but Telemetry:SlotSeconds is {options.SlotSeconds}.", nameof(state));
        }

        var window = new SlotWindow(options);
        if (state.Hours is { } hours)
        {
            window._slots.Coarser().Coarser().Restore(hours);
        }

        if (state.Minutes is { } minutes)
        {
            window._slots.Coarser().Restore(minutes);
        }

        if (state.Slots is { } slots)
        {
            window._slots.Restore(slots);
        }

        return window;
    }

    private static TrendPoint[] ToTrend(Dictionary<long, WindowCounts> byUnit, int unitSeconds) =>
        [.. byUnit.OrderBy(p => p.Key).Select(p => new TrendPoint(DateTimeOffset.FromUnixTimeSeconds(p.Key * unitSeconds), p.Value))];
}
