using CxLive.Domain.Telemetry;
using Xunit.Abstractions;

namespace CxLive.Domain.Tests.Telemetry;

/// <summary>
/// Bytes per customer x touchpoint window, measured over 10,000 windows (2,000 for a week of history) against the
/// target of at most 1 KB of hot memory. Retained bytes (what stays on the heap) and bytes allocated on the test's
/// thread (which also count arrays dropped when a ring widens its cells) are both reported.
/// Runs alone so other tests do not disturb the heap.
/// </summary>
[Collection(nameof(SlotWindowMemoryTests))]
[CollectionDefinition(nameof(SlotWindowMemoryTests), DisableParallelization = true)]
public sealed class SlotWindowMemoryTests(ITestOutputHelper output)
{
    private const int Windows = 10_000;
    private const long Base = 169_999_920; // hour-aligned slot index

    private static readonly TelemetryOptions Options = new();

    [Theory]
    [InlineData("a: 60 s of traffic, 5 req/s (byte cells)", 6, 50, 300)]
    [InlineData("b: full long window, 5 req/s (byte cells)", 60, 50, 300)]
    [InlineData("b: full long window, 100 req/s (ushort cells)", 60, 1_000, 480)]
    [InlineData("b: full long window, 10,000 req/s (int cells)", 60, 100_000, 840)]
    public void Hot_window_fits_in_1_KB(string scenario, int slots, int perSlot, int expectedAtMost)
    {
        var bytes = Measure(scenario, Windows, window =>
        {
            for (var s = 0; s < slots; s++)
            {
                window.Add(Base + s, perSlot, perSlot / 50, perSlot / 25);
            }
        });

        Assert.InRange(bytes, 1, Math.Min(expectedAtMost, 1_024));
    }

    [Theory]
    [InlineData("c: a week of history, 1 req/s", 10, 2_100)]
    [InlineData("c: a week of history, 100 req/s (int hour cells)", 1_000, 3_300)]
    public void Week_of_history_stays_compact(string scenario, int perSlot, int expectedAtMost)
    {
        var bytes = Measure(scenario, 2_000, window => FillWeek(window, perSlot));

        Assert.InRange(bytes, 1_024, expectedAtMost);
    }

    [Fact]
    public void A_filled_week_keeps_every_hour_and_minute()
    {
        var window = new SlotWindow(Options);
        FillWeek(window, 10);

        Assert.Equal(168, window.HourTrend().Count);
        Assert.Equal(10 + 60, window.MinuteTrend().Count); // the long window's 10 minutes plus the minute history
    }

    /// <summary>A week of traffic, one delta per minute (fast to replay; fills every ring like per-slot traffic would).</summary>
    private static void FillWeek(SlotWindow window, int perSlot)
    {
        const int MinutesPerWeek = 7 * 24 * 60;
        var start = Base - (MinutesPerWeek * 6);
        for (var m = 0; m < MinutesPerWeek; m++)
        {
            window.Add(start + (m * 6), perSlot * 6, perSlot / 10, perSlot / 5);
        }
    }

    /// <summary>Retained bytes per window; writes retained and allocated bytes to the test output.</summary>
    private double Measure(string scenario, int count, Action<SlotWindow> fill)
    {
        var windows = new SlotWindow[count];
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var window = new SlotWindow(Options);
            fill(window);
            windows[i] = window;
        }

        var allocated = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / count;
        var retained = (double)(GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / count;
        GC.KeepAlive(windows);
        output.WriteLine($"{scenario}: {retained:F0} bytes retained, {allocated:F0} allocated per window ({count:N0} windows)");

        // Everything retained was allocated here, so the smaller number is the better estimate: the heap figure can
        // carry noise from the runtime, the allocation figure carries arrays dropped when a ring widens.
        return Math.Min(retained, allocated);
    }
}
