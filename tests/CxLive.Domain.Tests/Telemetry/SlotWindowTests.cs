using CsCheck;
using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class SlotWindowTests
{
    private const long Base = 169_999_920; // 2023-11-14 22:00 UTC in 10 s slots: hour-aligned

    private static readonly TelemetryOptions Options = new();

    /// <summary>Totals that keep cells in bytes, push them to ushort, or past 65,535 to int, so every widening is crossed.</summary>
    private static readonly Gen<Delta> Deltas =
        Gen.OneOf(Gen.Int[0, 120], Gen.Int[0, 2_000], Gen.Int[30_000, 70_000]).SelectMany(total =>
            Gen.Int[0, total].SelectMany(errors =>
                Gen.Int[0, total - errors].Select(slow => (total, errors, slow))))
        .Select(Gen.Int[0, 200], (c, offset) => new Delta(Base + offset, c.total, c.errors, c.slow));

    [Fact]
    public void Window_sums_equal_the_deltas_inside_the_window_in_any_arrival_order() =>
        Gen.Select(Deltas.Array[1, 80], Gen.Int[0, 80], Gen.Int[1, 60]).Sample((deltas, ahead, slots) =>
        {
            var window = Fill(deltas);
            var now = deltas.Max(d => d.Slot) + ahead;

            var expected = Expected(deltas, now - slots + 1, now);
            Assert.Equal(expected, window.Sum(now, slots));
            Assert.Equal(Expected(deltas, now - 5, now), window.ShortWindow(now));
            Assert.Equal(Expected(deltas, now - 59, now), window.LongWindow(now));
        });

    [Fact]
    public void Nothing_within_the_week_is_lost_whatever_the_order() =>
        Gen.Select(Deltas.Array[1, 60], Gen.Int[0, 60_000].Array[60]).Sample((deltas, offsets) =>
        {
            // Spread the deltas over about a week (60,480 slots) and shuffle the arrival order.
            var spread = deltas.Select((d, i) => d with { Slot = Base + offsets[i] }).ToArray();
            var window = Fill(spread.OrderBy(d => (d.Total * 7919) % 101).ToArray());

            var hours = window.HourTrend();
            var kept = hours.Aggregate(default(WindowCounts), (sum, p) => sum.Plus(p.Counts));
            Assert.Equal(Expected(spread, long.MinValue, long.MaxValue), kept);
            Assert.True(hours.Select(p => p.Start).SequenceEqual(hours.Select(p => p.Start).Order()));
        });

    [Fact]
    public void A_window_restored_from_its_state_judges_and_continues_like_the_original() =>
        Gen.Select(Deltas.Array[0, 40], Gen.Int[0, 60_000].Array[40], Deltas).Sample((deltas, offsets, next) =>
        {
            var spread = deltas.Select((d, i) => d with { Slot = Base + offsets[i] }).ToArray();
            var original = Fill(spread);
            var restored = SlotWindow.FromState(Options, original.ToState());

            var following = next with { Slot = (original.NewestSlot ?? Base) + (next.Slot - Base) };
            Assert.Equal(original.Add(following.Slot, following.Total, following.Errors, following.Slow),
                restored.Add(following.Slot, following.Total, following.Errors, following.Slow));

            var now = original.NewestSlot ?? Base;
            Assert.Equal(original.NewestSlot, restored.NewestSlot);
            Assert.Equal(original.LongWindow(now), restored.LongWindow(now));
            Assert.Equal(original.MinuteTrend(), restored.MinuteTrend());
            Assert.Equal(original.HourTrend(), restored.HourTrend());
            Assert.Equal(original.ToState() with { Slots = null, Minutes = null, Hours = null }, restored.ToState() with { Slots = null, Minutes = null, Hours = null });
        });

    [Fact]
    public void A_checkpoint_with_another_slot_width_is_refused()
    {
        var state = new SlotWindow(Options).ToState();
        var message = Assert.Throws<ArgumentException>(() => SlotWindow.FromState(new TelemetryOptions { SlotSeconds = 5 }, state)).Message;
        Assert.Contains("Telemetry:SlotSeconds", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_delta_lands_in_its_own_slot()
    {
        var window = new SlotWindow(Options);
        window.Add(Base + 30, 10, 0, 0);
        window.Add(Base + 20, 5, 1, 1); // 100 s late: inside the long window, outside the short one

        Assert.Equal(new WindowCounts(10, 0, 0), window.ShortWindow(Base + 30));
        Assert.Equal(new WindowCounts(15, 1, 1), window.LongWindow(Base + 30));
        Assert.Equal(Base + 30, window.NewestSlot);
    }

    [Fact]
    public void Slots_that_leave_the_long_window_survive_as_minutes_and_hours()
    {
        var window = new SlotWindow(Options);
        for (var slot = 0; slot < 6 * 20; slot++)
        {
            window.Add(Base + slot, 10, 1, 2); // 20 minutes of traffic
        }

        Assert.Equal(new WindowCounts(600, 60, 120), window.LongWindow(Base + 119));
        var minutes = window.MinuteTrend();
        Assert.Equal(20, minutes.Count);
        Assert.All(minutes, m => Assert.Equal(new WindowCounts(60, 6, 12), m.Counts));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Base * 10), minutes[0].Start);
        Assert.Equal(new WindowCounts(1200, 120, 240), Assert.Single(window.HourTrend()).Counts);
    }

    [Fact]
    public void Advancing_without_traffic_empties_the_windows_but_keeps_the_trend()
    {
        var window = new SlotWindow(Options);
        window.Add(Base, 100, 10, 0);
        window.AdvanceTo(Base + 1_000);

        Assert.Equal(default, window.LongWindow(Base + 1_000));
        Assert.Equal(new WindowCounts(100, 10, 0), Assert.Single(window.MinuteTrend()).Counts);
    }

    [Fact]
    public void Counts_beyond_ushort_are_kept_exactly()
    {
        var window = new SlotWindow(Options);
        window.Add(Base, 60_000, 1_000, 0);
        window.Add(Base, 80_000, 70_000, 0);
        window.Add(Base + 1, 5, 0, 5);

        Assert.Equal(new WindowCounts(140_005, 71_000, 5), window.ShortWindow(Base + 1));
    }

    [Fact]
    public void Deltas_older_than_the_history_are_dropped()
    {
        var window = new SlotWindow(Options);
        Assert.True(window.Add(Base + 100_000, 1, 0, 0));
        Assert.True(window.Add(Base + 100_000 - (6 * 60 * 100), 1, 0, 0)); // 100 hours earlier: in the hour history
        Assert.False(window.Add(Base, 1, 0, 0)); // about 11.5 days earlier

        Assert.Equal(2, window.HourTrend().Sum(p => p.Counts.Total));
    }

    [Fact]
    public void Rejects_more_bad_than_total() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlotWindow(Options).Add(Base, 3, 2, 2));

    private static SlotWindow Fill(Delta[] deltas)
    {
        var window = new SlotWindow(Options);
        foreach (var d in deltas)
        {
            Assert.True(window.Add(d.Slot, d.Total, d.Errors, d.Slow));
        }

        return window;
    }

    private static WindowCounts Expected(Delta[] deltas, long from, long to) =>
        deltas.Where(d => d.Slot >= from && d.Slot <= to)
            .Aggregate(default(WindowCounts), (sum, d) => sum.Plus(new WindowCounts(d.Total, d.Errors, d.Slow)));

    private sealed record Delta(long Slot, int Total, int Errors, int Slow);
}
