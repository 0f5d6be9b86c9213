namespace CxLive.Grains.Abstractions.Telemetry;

/// <summary>Interactions in one time slot (slot = unix seconds / Telemetry:SlotSeconds): how many, how many failed, how many were slow.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.SlotCounts")]
public readonly record struct SlotCounts(
    [property: Id(0)] long Slot,
    [property: Id(1)] int Total,
    [property: Id(2)] int Errors,
    [property: Id(3)] int Slow)
{
    public SlotCounts Plus(SlotCounts other) =>
        new(Slot, Saturating(Total, other.Total), Saturating(Errors, other.Errors), Saturating(Slow, other.Slow));

    private static int Saturating(int a, int b) => (int)Math.Min(int.MaxValue, (long)a + b);
}
