using CsCheck;
using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class LatencySketchTests
{
    // Latencies from 1 microsecond to about 3 hours, log-uniform so every scale is exercised.
    private static readonly Gen<double> Latencies = Gen.Double[-3, 7].Select(e => Math.Pow(10, e));

    [Fact]
    public void Quantiles_are_within_2_percent_of_the_exact_quantile() =>
        Gen.Select(Latencies.Array[1, 500], Gen.Double[0, 1]).Sample((values, q) =>
        {
            var sketch = Sketch(values);
            var sorted = values.Order().ToArray();
            var exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))];

            var estimate = sketch.Quantile(q)!.Value;
            return Math.Abs(estimate - exact) <= LatencySketch.RelativeAccuracy * exact * (1 + 1e-9);
        });

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void Percentiles_of_a_skewed_distribution_are_within_2_percent(double q)
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 100_000).Select(_ => Math.Exp(4 + random.NextDouble() * random.NextDouble() * 5)).ToArray();
        var exact = values.Order().ElementAt((int)Math.Floor(q * (values.Length - 1)));

        var estimate = Sketch(values).Quantile(q)!.Value;

        Assert.InRange(estimate, exact * 0.98, exact * 1.02);
    }

    [Fact]
    public void Merging_equals_sketching_the_concatenation() =>
        Gen.Select(Latencies.Array[0, 200], Latencies.Array[0, 200]).Sample((a, b) =>
        {
            var merged = Sketch(a);
            merged.Merge(Sketch(b));
            AssertSameBuckets(Sketch([.. a, .. b]), merged);
        });

    [Fact]
    public void Round_trips_through_plain_arrays() =>
        Latencies.Array[0, 200].Sample(values =>
        {
            var sketch = Sketch(values);
            sketch.Add(0, 3);

            var copy = LatencySketch.FromBuckets(sketch.FirstIndex, sketch.ToBucketCounts(), sketch.ZeroCount);

            AssertSameBuckets(sketch, copy);
            Assert.Equal(sketch.Quantile(0.99), copy.Quantile(0.99));
        });

    [Fact]
    public void Adding_with_a_count_equals_adding_one_by_one()
    {
        var once = new LatencySketch();
        once.Add(123.4, 5);
        var many = new LatencySketch();
        for (var i = 0; i < 5; i++)
        {
            many.Add(123.4);
        }

        AssertSameBuckets(many, once);
        Assert.Equal(5, once.Count);
    }

    [Fact]
    public void Empty_sketch_has_no_quantile_and_zero_latencies_count_as_zero()
    {
        var sketch = new LatencySketch();
        Assert.Null(sketch.Quantile(0.5));

        sketch.Add(0, 10);
        sketch.Add(50);
        Assert.Equal(0, sketch.Quantile(0.5));
        Assert.Equal(50, sketch.Quantile(1)!.Value, 0.5);
    }

    [Fact]
    public void Rejects_negative_latencies_and_foreign_buckets()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencySketch().Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencySketch().Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencySketch.FromBuckets(5_000, [1], 0));
    }

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void Batch_median_is_the_middle_value(double[] latencies, double expected) =>
        Assert.Equal(expected, LatencyMedian.Of(latencies));

    [Fact]
    public void Batch_median_of_nothing_is_null() => Assert.Null(LatencyMedian.Of([]));

    [Fact]
    public void Batch_median_of_a_large_batch_matches_the_sorted_middle()
    {
        var values = Enumerable.Range(1, 1_001).Select(i => (double)((i * 7919) % 1_001)).ToArray();
        Assert.Equal(500, LatencyMedian.Of(values));
    }

    private static LatencySketch Sketch(double[] values)
    {
        var sketch = new LatencySketch();
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        return sketch;
    }

    private static void AssertSameBuckets(LatencySketch expected, LatencySketch actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ZeroCount, actual.ZeroCount);
        Assert.Equal(expected.FirstIndex, actual.FirstIndex);
        Assert.Equal(expected.ToBucketCounts(), actual.ToBucketCounts());
    }
}
