namespace CxLive.Domain.Telemetry;

/// <summary>
/// Mergeable latency histogram with log-sized buckets (DDSketch-like) for p50/p95/p99 (SCORING.md 2).
/// With <c>gamma = (1 + a) / (1 - a)</c>, <c>a = <see cref="RelativeAccuracy"/></c>, a value <c>v</c> (ms) goes to
/// bucket <c>i = ceil(log_gamma v)</c>, which covers <c>(gamma^(i-1), gamma^i]</c>, and the bucket is read back as
/// <c>2 gamma^i / (gamma + 1)</c>: within a relative error <c>a</c> of every value in it. A quantile <c>q</c> is the
/// bucket holding the value of rank <c>floor(q (n - 1))</c>, so it is within <c>a</c> of that exact quantile.
/// Values below <see cref="MinValueMs"/> count as zero; values above <see cref="MaxValueMs"/> as <see cref="MaxValueMs"/>.
/// <para>
/// Merging adds counts bucket by bucket, so the merge of two sketches equals the sketch of all their values. The
/// buckets are dense between the lowest and highest used index (about 460 buckets span 1 ms to 10 s) and travel
/// as plain arrays: <see cref="FirstIndex"/>, <see cref="ToBucketCounts"/>, <see cref="ZeroCount"/> and back
/// through <see cref="FromBuckets"/>.
/// </para>
/// </summary>
public sealed class LatencySketch
{
    public const double RelativeAccuracy = 0.01;
    public const double MinValueMs = 1e-3;
    public const double MaxValueMs = 1e9;

    private const int Slack = 16;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);
    private static readonly int MinIndex = IndexOf(MinValueMs);
    private static readonly int MaxIndex = IndexOf(MaxValueMs);

    private long[] _counts = [];
    private int _offset;
    private int _lowest = int.MaxValue;
    private int _highest = int.MinValue;

    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Values below <see cref="MinValueMs"/>.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>Bucket index of <c>ToBucketCounts()[0]</c>; 0 when no bucket is used.</summary>
    public int FirstIndex => _lowest == int.MaxValue ? 0 : _lowest;

    /// <summary>Counts of buckets <see cref="FirstIndex"/>, <see cref="FirstIndex"/> + 1, ... up to the highest used one.</summary>
    public long[] ToBucketCounts() =>
        _lowest == int.MaxValue ? [] : _counts.AsSpan(_lowest - _offset, _highest - _lowest + 1).ToArray();

    /// <summary>Rebuilds a sketch from <see cref="FirstIndex"/>, <see cref="ToBucketCounts"/> and <see cref="ZeroCount"/>.</summary>
    public static LatencySketch FromBuckets(int firstIndex, long[] counts, long zeroCount)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(zeroCount);
        if (counts.Length > 0 && (firstIndex < MinIndex || firstIndex + counts.Length - 1 > MaxIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(firstIndex), firstIndex, "Buckets lie outside the sketch's range.");
        }

        var sketch = new LatencySketch { ZeroCount = zeroCount, Count = zeroCount };
        if (counts.Length > 0)
        {
            sketch._counts = new long[counts.Length];
            sketch._offset = firstIndex;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], nameof(counts));
            sketch.AddToBucket(firstIndex + i, counts[i]);
        }

        return sketch;
    }

    /// <summary>Adds <paramref name="count"/> occurrences of a latency in milliseconds.</summary>
    public void Add(double valueMs, long count = 1)
    {
        if (!(valueMs >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(valueMs), valueMs, "A latency is a non-negative number of milliseconds.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        if (valueMs < MinValueMs)
        {
            ZeroCount += count;
            Count += count;
            return;
        }

        AddToBucket(IndexOf(Math.Min(valueMs, MaxValueMs)), count);
    }

    /// <summary>Adds every value of <paramref name="other"/> to this sketch.</summary>
    public void Merge(LatencySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ZeroCount += other.ZeroCount;
        Count += other.ZeroCount;
        if (other._lowest == int.MaxValue)
        {
            return;
        }

        EnsureRange(other._lowest);
        EnsureRange(other._highest);
        for (var index = other._lowest; index <= other._highest; index++)
        {
            var count = other._counts[index - other._offset];
            if (count != 0)
            {
                AddToBucket(index, count);
            }
        }
    }

    /// <summary>The <paramref name="q"/>-quantile (0..1) in milliseconds; null when the sketch is empty.</summary>
    public double? Quantile(double q)
    {
        if (!(q is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile is between 0 and 1.");
        }

        if (Count == 0)
        {
            return null;
        }

        var rank = q * (Count - 1);
        long seen = ZeroCount;
        if (seen > rank)
        {
            return 0;
        }

        for (var index = _lowest; index <= _highest; index++)
        {
            seen += _counts[index - _offset];
            if (seen > rank)
            {
                return ValueOf(index);
            }
        }

        return ValueOf(_highest);
    }

    public void Clear()
    {
        Array.Clear(_counts);
        _lowest = int.MaxValue;
        _highest = int.MinValue;
        Count = 0;
        ZeroCount = 0;
    }

    private static int IndexOf(double valueMs) => (int)Math.Ceiling(Math.Log(valueMs) / LogGamma);

    private static double ValueOf(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    private void AddToBucket(int index, long count)
    {
        if (count == 0)
        {
            return;
        }

        EnsureRange(index);
        _counts[index - _offset] += count;
        Count += count;
        _lowest = Math.Min(_lowest, index);
        _highest = Math.Max(_highest, index);
    }

    private void EnsureRange(int index)
    {
        if (index >= _offset && index < _offset + _counts.Length)
        {
            return;
        }

        int low, high;
        if (_counts.Length == 0)
        {
            (low, high) = (index - Slack, index + Slack);
        }
        else
        {
            // Grow towards the index, at least doubling, so a stream of new buckets costs amortised O(1).
            var length = _counts.Length;
            low = Math.Min(index - Slack, index < _offset ? _offset - length : _offset);
            high = Math.Max(index + Slack, index >= _offset + length ? _offset + (2 * length) - 1 : _offset + length - 1);
        }

        low = Math.Max(low, MinIndex);
        high = Math.Min(high, MaxIndex);
        var counts = new long[high - low + 1];
        if (_counts.Length > 0)
        {
            _counts.CopyTo(counts, _offset - low);
        }

        _counts = counts;
        _offset = low;
    }
}
