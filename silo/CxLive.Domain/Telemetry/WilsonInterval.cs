namespace CxLive.Domain.Telemetry;

/// <summary>
/// Wilson score interval of a binomial proportion: where the true ratio of <c>k</c> hits in <c>n</c> trials
/// plausibly lies. With <c>p = k / n</c> and normal quantile <c>z</c>:
/// <code>
/// centre = (p + z^2 / 2n) / (1 + z^2 / n)
/// half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
/// [Lower, Upper] = [centre - half, centre + half]
/// </code>
/// Unlike <c>p +- z sqrt(p(1-p)/n)</c> it behaves at small n and at p = 0 or 1: 1 failure in 3 gives a
/// wide interval, 40 in 400 a narrow one. n = 0 knows nothing: [0, 1]. k = 0 gives Lower = 0, k = n gives Upper = 1.
/// </summary>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>The interval that knows nothing: [0, 1].</summary>
    public static WilsonInterval Unknown => new(0, 1);

    public double Width => Upper - Lower;

    public static WilsonInterval Of(long hits, long trials, double z)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hits, trials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z);
        if (trials == 0)
        {
            return Unknown;
        }

        double n = trials;
        var p = hits / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // Clamp rounding so that Lower <= p <= Upper and both stay in [0, 1].
        var lower = hits == 0 ? 0 : Math.Clamp(centre - half, 0, p);
        var upper = hits == trials ? 1 : Math.Clamp(centre + half, p, 1);
        return new WilsonInterval(lower, upper);
    }
}
