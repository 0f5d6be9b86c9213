using CsCheck;
using CxLive.Domain.Telemetry;

namespace CxLive.Domain.Tests.Telemetry;

public sealed class WilsonIntervalTests
{
    private static readonly Gen<(int Hits, int Trials, double Z)> Samples =
        Gen.Int[1, 100_000].SelectMany(n => Gen.Int[0, n].Select(k => (k, n))).Select(Gen.Double[0.5, 4], (kn, z) => (kn.k, kn.n, z));

    [Fact]
    public void Bounds_enclose_the_observed_ratio_and_stay_within_0_and_1() =>
        Samples.Sample((k, n, z) =>
        {
            var interval = WilsonInterval.Of(k, n, z);
            var p = (double)k / n;
            return interval.Lower >= 0 && interval.Lower <= p && p <= interval.Upper && interval.Upper <= 1;
        });

    [Fact]
    public void More_trials_at_the_same_ratio_narrow_the_interval() =>
        Samples.Select(Gen.Int[2, 50], (s, m) => (s.Hits, s.Trials, s.Z, m)).Sample((k, n, z, m) =>
            WilsonInterval.Of((long)k * m, (long)n * m, z).Width <= WilsonInterval.Of(k, n, z).Width + 1e-12);

    [Fact]
    public void More_trials_with_the_same_hits_lower_both_bounds() =>
        Samples.Sample((k, n, z) =>
        {
            var before = WilsonInterval.Of(k, n, z);
            var after = WilsonInterval.Of(k, n + 1, z);
            return after.Lower <= before.Lower + 1e-12 && after.Upper <= before.Upper + 1e-12;
        });

    [Fact]
    public void No_trials_know_nothing() => Assert.Equal(new WilsonInterval(0, 1), WilsonInterval.Of(0, 0, 1.96));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(1000)]
    public void No_hits_give_lower_0_and_upper_z2_over_n_plus_z2(int n)
    {
        var interval = WilsonInterval.Of(0, n, 1.96);
        Assert.Equal(0, interval.Lower);
        Assert.Equal(1.96 * 1.96 / (n + (1.96 * 1.96)), interval.Upper, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(1000)]
    public void All_hits_give_upper_1_and_lower_n_over_n_plus_z2(int n)
    {
        var interval = WilsonInterval.Of(n, n, 1.96);
        Assert.Equal(1, interval.Upper);
        Assert.Equal(n / (n + (1.96 * 1.96)), interval.Lower, 12);
    }

    [Fact]
    public void Forty_in_four_hundred_matches_the_textbook_value()
    {
        var interval = WilsonInterval.Of(40, 400, 1.96);
        Assert.Equal(0.07430, interval.Lower, 4);
        Assert.Equal(0.13331, interval.Upper, 4);
    }

    [Fact]
    public void Rejects_more_hits_than_trials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(4, 3, 1.96));
}
