using BenchmarkDotNet.Attributes;
using CxLive.Domain.Telemetry;

namespace CxLive.Benchmarks;

/// <summary>The per-batch work of a customer grain: add a slot delta, then judge the windows.</summary>
[MemoryDiagnoser]
public class SlotWindowBenchmarks
{
    private const long Base = 169_999_920;
    private const int Deltas = 1_000;

    private readonly TelemetryOptions _options = new();
    private SlotWindow _window = null!;
    private DisruptionRule _rule = null!;
    private long _slot;

    [GlobalSetup]
    public void Setup()
    {
        _window = new SlotWindow(_options);
        _rule = new DisruptionRule(_options);
        for (var s = 0; s < 60; s++)
        {
            _window.Add(Base + s, 100, 2, 3);
        }

        _slot = Base + 60;
    }

    /// <summary>A delta into the current slot (no roll-over).</summary>
    [Benchmark(OperationsPerInvoke = Deltas)]
    public bool WindowAddSameSlot()
    {
        var added = false;
        for (var i = 0; i < Deltas; i++)
        {
            added = _window.Add(_slot, 10, 1, 0);
        }

        return added;
    }

    /// <summary>A delta into the next slot: rolls one slot out into the minute history each time.</summary>
    [Benchmark(OperationsPerInvoke = Deltas)]
    public bool WindowAddNextSlot()
    {
        var added = false;
        for (var i = 0; i < Deltas; i++)
        {
            added = _window.Add(++_slot, 10, 1, 0);
        }

        return added;
    }

    /// <summary>Short and long window sums plus the Wilson-bound verdict.</summary>
    [Benchmark]
    public DisruptionVerdict WindowVerdict() =>
        _rule.Evaluate(DisruptionVerdict.Calm, _window.ShortWindow(_slot), _window.LongWindow(_slot), 0.995, DateTimeOffset.UnixEpoch);

    /// <summary>What a grain does per batch: one delta, then a verdict.</summary>
    [Benchmark]
    public DisruptionVerdict WindowAddAndVerdict()
    {
        _window.Add(++_slot, 10, 1, 0);
        return _rule.Evaluate(DisruptionVerdict.Calm, _window.ShortWindow(_slot), _window.LongWindow(_slot), 0.995, DateTimeOffset.UnixEpoch);
    }
}
