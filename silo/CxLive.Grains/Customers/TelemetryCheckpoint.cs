namespace CxLive.Grains.Customers;

/// <summary>
/// A customer's telemetry aggregates, written on a timer and on deactivation (ARCHITECTURE.md, durability): a crash
/// loses at most one checkpoint interval of counts. The windows travel as one versioned binary blob.
/// </summary>
[GenerateSerializer, Alias("cxlive.TelemetryCheckpoint")]
public sealed class TelemetryCheckpoint
{
    [Id(0)] public byte[] Experiences { get; set; } = [];

    /// <summary>Per api process, the sequence of the last flush applied (so a retried flush is applied once, counts and all).</summary>
    [Id(1)] public Dictionary<string, long> Batches { get; set; } = new(StringComparer.Ordinal);
}
