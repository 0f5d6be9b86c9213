namespace CxLive.Grains.Customers;

/// <summary>
/// A customer's telemetry aggregates, written on a timer and on deactivation (ARCHITECTURE.md, durability): a crash
/// loses at most one checkpoint interval of counts. The windows travel as one versioned binary blob.
/// </summary>
[GenerateSerializer, Alias("cxlive.TelemetryCheckpoint")]
public sealed class TelemetryCheckpoint
{
    [Id(0)] public byte[] Experiences { get; set; } = [];
}
