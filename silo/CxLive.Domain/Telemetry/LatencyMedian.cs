namespace CxLive.Domain.Telemetry;

/// <summary>Median latency of a batch: the middle value, or the mean of the two middle values for an even count.</summary>
public static class LatencyMedian
{
    private const int StackLimit = 256;

    /// <summary>The median of <paramref name="latenciesMs"/>; null for an empty batch.</summary>
    public static double? Of(ReadOnlySpan<double> latenciesMs)
    {
        if (latenciesMs.IsEmpty)
        {
            return null;
        }

        var sorted = latenciesMs.Length <= StackLimit ? stackalloc double[latenciesMs.Length] : new double[latenciesMs.Length];
        latenciesMs.CopyTo(sorted);
        sorted.Sort();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
