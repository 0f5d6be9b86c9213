using System.Numerics;

namespace CxLive.Domain.Telemetry;

/// <summary>
/// A ring of (total, errors, slow) counts keyed by absolute unit index (unix seconds / unit seconds), holding
/// the units <c>(Head - Capacity, Head]</c>. Unit <c>i</c> lives at position <c>i mod Capacity</c>, so late and
/// out-of-order deltas land in their own unit. When the head moves on, units that fall out roll into the next,
/// coarser ring, which is only allocated when something actually rolls into it.
/// <para>
/// Memory: one flat array, three cells per unit, no per-unit objects. Cells start as <see cref="ushort"/> and the
/// whole ring widens to <see cref="int"/> the first time a cell would pass 65,535; cells saturate at
/// <see cref="int.MaxValue"/>. The array itself is allocated on the first non-zero count.
/// </para>
/// </summary>
internal sealed class CountRing
{
    private const int Columns = 3;
    private const long Empty = long.MinValue;

    private readonly RingLevel _level;
    private ushort[]? _narrow;
    private int[]? _wide;
    private CountRing? _next;

    public CountRing(RingLevel level) => _level = level;

    public RingLevel Level => _level;

    /// <summary>Newest unit index held; <see cref="long.MinValue"/> before the first delta.</summary>
    public long Head { get; private set; } = Empty;

    public bool IsEmpty => Head == Empty;

    /// <summary>Oldest unit index the ring still holds.</summary>
    public long Oldest => Head - _level.Capacity + 1;

    public CountRing? Next => _next;

    /// <summary>True when the widened (int) cells are in use.</summary>
    public bool IsWide => _wide is not null;

    /// <summary>
    /// Adds counts to unit <paramref name="index"/> (non-negative). A newer unit moves the head; one older than the
    /// ring goes to the coarser ring. False when it is older than the last ring keeps (dropped).
    /// </summary>
    public bool Add(long index, int total, int errors, int slow)
    {
        if (IsEmpty)
        {
            Head = index;
        }
        else if (index > Head)
        {
            AdvanceTo(index);
        }

        if (index < Oldest)
        {
            // Late: everything before Oldest belongs to the coarser ring, so its head is at least Oldest's predecessor there.
            if (_level.Next is { } next)
            {
                _next ??= new CountRing(next);
                _next.AdvanceTo((Oldest - 1) / _level.UnitsPerNext);
            }

            return RollOut(index, total, errors, slow);
        }

        var cell = Position(index) * Columns;
        Increase(cell, total);
        Increase(cell + 1, errors);
        Increase(cell + 2, slow);
        return true;
    }

    /// <summary>Moves the head to <paramref name="newHead"/> (never back), rolling units that fall out into the coarser ring.</summary>
    public void AdvanceTo(long newHead)
    {
        if (IsEmpty)
        {
            Head = newHead;
            return;
        }

        if (newHead <= Head)
        {
            return;
        }

        if (_narrow is not null || _wide is not null)
        {
            // Units in (Head - Capacity, Head] that are no longer in (newHead - Capacity, newHead]: at most Capacity of them.
            var last = Math.Min(Head, newHead - _level.Capacity);
            for (var index = Oldest; index <= last; index++)
            {
                var cell = Position(index) * Columns;
                int total = Get(cell), errors = Get(cell + 1), slow = Get(cell + 2);
                if ((total | errors | slow) != 0)
                {
                    RollOut(index, total, errors, slow);
                    ClearUnit(cell);
                }
            }
        }

        Head = newHead;
    }

    /// <summary>Sum of the units in <c>[from, to]</c> that the ring holds.</summary>
    public WindowCounts Sum(long from, long to)
    {
        if (IsEmpty)
        {
            return default;
        }

        var first = Math.Max(from, Oldest);
        var last = Math.Min(to, Head);
        if (first > last)
        {
            return default;
        }

        return _wide is not null ? SumCells(_wide, first, last)
            : _narrow is not null ? SumCells(_narrow, first, last)
            : default;
    }

    /// <summary>Adds every non-empty unit to <paramref name="byTarget"/>, keyed by <c>index / divisor</c>.</summary>
    public void AccumulateInto(Dictionary<long, WindowCounts> byTarget, long divisor)
    {
        if (IsEmpty || (_narrow is null && _wide is null))
        {
            return;
        }

        for (var index = Math.Max(0, Oldest); index <= Head; index++)
        {
            var cell = Position(index) * Columns;
            var counts = new WindowCounts(Get(cell), Get(cell + 1), Get(cell + 2));
            if (counts.Total != 0 || counts.Bad != 0)
            {
                var key = index / divisor;
                byTarget[key] = byTarget.TryGetValue(key, out var seen) ? seen.Plus(counts) : counts;
            }
        }
    }

    /// <summary>The coarser ring, allocated on first use; throws for the last level.</summary>
    public CountRing Coarser() =>
        _next ??= new CountRing(_level.Next ?? throw new InvalidOperationException("The hour history has no coarser level."));

    /// <summary>This ring alone (not the coarser ones) as plain data; null when it holds nothing.</summary>
    public RingState? ToState()
    {
        if (IsEmpty)
        {
            return null;
        }

        List<long> indexes = [];
        List<int> totals = [], errors = [], slow = [];
        for (var index = Math.Max(0, Oldest); index <= Head && (_narrow is not null || _wide is not null); index++)
        {
            var cell = Position(index) * Columns;
            if ((Get(cell) | Get(cell + 1) | Get(cell + 2)) != 0)
            {
                indexes.Add(index);
                totals.Add(Get(cell));
                errors.Add(Get(cell + 1));
                slow.Add(Get(cell + 2));
            }
        }

        return new RingState(Head, [.. indexes], [.. totals], [.. errors], [.. slow]);
    }

    /// <summary>Adds the units of <paramref name="state"/> (oldest first) and moves the head to its head.</summary>
    public void Restore(RingState state)
    {
        var count = state.Indexes.Length;
        if (state.Totals.Length != count || state.Errors.Length != count || state.Slow.Length != count)
        {
            throw new ArgumentException("A ring state needs as many totals, errors and slow counts as indexes.", nameof(state));
        }

        for (var i = 0; i < count; i++)
        {
            if (state.Indexes[i] < 0 || state.Indexes[i] > state.Head || state.Totals[i] < 0 || state.Errors[i] < 0 || state.Slow[i] < 0)
            {
                throw new ArgumentException($"Unit {i} of the ring state is out of range or negative.", nameof(state));
            }

            Add(state.Indexes[i], state.Totals[i], state.Errors[i], state.Slow[i]);
        }

        AdvanceTo(state.Head);
    }

    private bool RollOut(long index, int total, int errors, int slow)
    {
        if (_level.Next is not { } next)
        {
            return false;
        }

        _next ??= new CountRing(next);
        return _next.Add(index / _level.UnitsPerNext, total, errors, slow);
    }

    private WindowCounts SumCells<T>(T[] cells, long first, long last)
        where T : struct, IBinaryInteger<T>
    {
        long total = 0, errors = 0, slow = 0;
        var position = Position(first);
        for (var remaining = last - first; remaining >= 0; remaining--)
        {
            var cell = position * Columns;
            total += long.CreateTruncating(cells[cell]);
            errors += long.CreateTruncating(cells[cell + 1]);
            slow += long.CreateTruncating(cells[cell + 2]);
            if (++position == _level.Capacity)
            {
                position = 0;
            }
        }

        return new WindowCounts(total, errors, slow);
    }

    private int Position(long index) => (int)(index % _level.Capacity);

    private int Get(int cell) => _wide is not null ? _wide[cell] : _narrow is not null ? _narrow[cell] : 0;

    private void ClearUnit(int cell)
    {
        if (_wide is not null)
        {
            Array.Clear(_wide, cell, Columns);
        }
        else if (_narrow is not null)
        {
            Array.Clear(_narrow, cell, Columns);
        }
    }

    private void Increase(int cell, int delta)
    {
        if (delta == 0)
        {
            return;
        }

        if (_wide is not null)
        {
            _wide[cell] = (int)Math.Min(int.MaxValue, (long)_wide[cell] + delta);
            return;
        }

        if (_narrow is null && delta > ushort.MaxValue)
        {
            _wide = new int[_level.Capacity * Columns];
            _wide[cell] = delta;
            return;
        }

        _narrow ??= new ushort[_level.Capacity * Columns];
        var sum = (long)_narrow[cell] + delta;
        if (sum <= ushort.MaxValue)
        {
            _narrow[cell] = (ushort)sum;
            return;
        }

        _wide = new int[_narrow.Length];
        for (var i = 0; i < _narrow.Length; i++)
        {
            _wide[i] = _narrow[i];
        }

        _narrow = null;
        _wide[cell] = (int)Math.Min(int.MaxValue, sum);
    }
}
