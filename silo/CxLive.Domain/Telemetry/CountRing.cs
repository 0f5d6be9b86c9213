using System.Numerics;

namespace CxLive.Domain.Telemetry;

/// <summary>
/// A ring of (total, errors, slow) counts keyed by absolute unit index (unix seconds / unit seconds), holding
/// the units <c>(Head - Capacity, Head]</c>. Unit <c>i</c> lives at position <c>i mod Capacity</c>, so late and
/// out-of-order deltas land in their own unit. When the head moves on, units that fall out roll into the next,
/// coarser ring, which is only allocated when something actually rolls into it.
/// <para>
/// Memory: one flat array, three cells per unit, no per-unit objects. Cells start as narrow as the first count allows
/// (<see cref="byte"/>, then <see cref="ushort"/>, then <see cref="int"/>) and the whole ring widens the first time a
/// cell would outgrow its width; cells saturate at <see cref="int.MaxValue"/>. Most customer x touchpoint pairs see
/// fewer than 255 interactions in a unit, so most rings stay at one byte a cell. The array itself is allocated on the
/// first non-zero count.
/// </para>
/// </summary>
internal sealed class CountRing
{
    private const int Columns = 3;
    private const long Empty = long.MinValue;

    private readonly RingLevel _level;

    /// <summary>null, <c>byte[]</c>, <c>ushort[]</c> or <c>int[]</c>: one field, so an empty or narrow ring pays for one reference.</summary>
    private Array? _cells;
    private CountRing? _next;

    public CountRing(RingLevel level) => _level = level;

    public RingLevel Level => _level;

    /// <summary>Newest unit index held; <see cref="long.MinValue"/> before the first delta.</summary>
    public long Head { get; private set; } = Empty;

    public bool IsEmpty => Head == Empty;

    /// <summary>Oldest unit index the ring still holds.</summary>
    public long Oldest => Head - _level.Capacity + 1;

    public CountRing? Next => _next;

    /// <summary>Bytes a cell takes now: 0 before the first count, then 1, 2 or 4.</summary>
    public int CellWidth => _cells switch
    {
        byte[] => sizeof(byte),
        ushort[] => sizeof(ushort),
        int[] => sizeof(int),
        _ => 0,
    };

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

        if (_cells is not null)
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

        return _cells switch
        {
            byte[] cells => SumCells(cells, first, last),
            ushort[] cells => SumCells(cells, first, last),
            int[] cells => SumCells(cells, first, last),
            _ => default,
        };
    }

    /// <summary>Adds every non-empty unit to <paramref name="byTarget"/>, keyed by <c>index / divisor</c>.</summary>
    public void AccumulateInto(Dictionary<long, WindowCounts> byTarget, long divisor)
    {
        if (IsEmpty || _cells is null)
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
        for (var index = Math.Max(0, Oldest); index <= Head && _cells is not null; index++)
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

    private static int Get(Array? cells, int cell) => cells switch
    {
        byte[] narrowest => narrowest[cell],
        ushort[] narrow => narrow[cell],
        int[] wide => wide[cell],
        _ => 0,
    };

    private int Get(int cell) => Get(_cells, cell);

    private void ClearUnit(int cell)
    {
        if (_cells is not null)
        {
            Array.Clear(_cells, cell, Columns);
        }
    }

    private void Increase(int cell, int delta)
    {
        if (delta == 0)
        {
            return;
        }

        long sum;
        switch (_cells)
        {
            case byte[] cells:
                sum = (long)cells[cell] + delta;
                if (sum <= byte.MaxValue)
                {
                    cells[cell] = (byte)sum;
                    return;
                }

                break;
            case ushort[] cells:
                sum = (long)cells[cell] + delta;
                if (sum <= ushort.MaxValue)
                {
                    cells[cell] = (ushort)sum;
                    return;
                }

                break;
            case int[] cells:
                cells[cell] = (int)Math.Min(int.MaxValue, (long)cells[cell] + delta);
                return;
            default:
                sum = delta;
                break;
        }

        Widen(sum);
        Increase(cell, delta);
    }

    /// <summary>Moves the cells to the narrowest width that holds <paramref name="value"/>, keeping every count.</summary>
    private void Widen(long value)
    {
        var old = _cells;
        var length = _level.Capacity * Columns;
        if (value <= byte.MaxValue)
        {
            _cells = new byte[length];
            return;
        }

        if (value <= ushort.MaxValue)
        {
            var narrow = new ushort[length];
            for (var i = 0; old is not null && i < length; i++)
            {
                narrow[i] = (ushort)Get(old, i);
            }

            _cells = narrow;
            return;
        }

        var wide = new int[length];
        for (var i = 0; old is not null && i < length; i++)
        {
            wide[i] = Get(old, i);
        }

        _cells = wide;
    }
}
