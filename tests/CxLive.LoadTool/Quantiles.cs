namespace CxLive.LoadTool;

/// <summary>Exact nearest-rank quantiles of a set of recorded values (runs record few enough to keep them all).</summary>
internal sealed class Quantiles
{
    private readonly double[] _sorted;

    public Quantiles(IEnumerable<double> values)
    {
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double? P50 => At(0.50);

    public double? P95 => At(0.95);

    public double? P99 => At(0.99);

    public double? Max => _sorted.Length == 0 ? null : _sorted[^1];

    /// <summary>The smallest recorded value with at least q of the values at or below it; null when none were recorded.</summary>
    public double? At(double q)
    {
        if (_sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(q * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }
}
