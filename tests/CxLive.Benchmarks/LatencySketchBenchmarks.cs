using BenchmarkDotNet.Attributes;
using CxLive.Domain.Telemetry;

namespace CxLive.Benchmarks;

/// <summary>Touchpoint KPI work: adding latencies, merging per-silo partials, reading p95.</summary>
[MemoryDiagnoser]
public class LatencySketchBenchmarks
{
    private const int Values = 1_000;

    private readonly double[] _latencies = new double[Values];
    private LatencySketch _sketch = null!;
    private LatencySketch _partial = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < Values; i++)
        {
            _latencies[i] = Math.Exp(3 + (random.NextDouble() * random.NextDouble() * 6)); // ~20 ms to ~8 s, skewed
        }

        _sketch = new LatencySketch();
        _partial = new LatencySketch();
        foreach (var latency in _latencies)
        {
            _sketch.Add(latency);
            _partial.Add(latency * 1.1);
        }
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public long SketchAdd()
    {
        foreach (var latency in _latencies)
        {
            _sketch.Add(latency);
        }

        return _sketch.Count;
    }

    [Benchmark]
    public long SketchMerge()
    {
        _sketch.Merge(_partial);
        return _sketch.Count;
    }

    [Benchmark]
    public double? SketchQuantileP95() => _sketch.Quantile(0.95);

    [Benchmark]
    public LatencySketch SketchRoundTrip() =>
        LatencySketch.FromBuckets(_partial.FirstIndex, _partial.ToBucketCounts(), _partial.ZeroCount);
}
