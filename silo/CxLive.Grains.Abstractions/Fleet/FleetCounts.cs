namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Distinct customers across touchpoints: the directory's contribution to the overview.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.FleetCounts")]
public sealed record FleetCounts(
    [property: Id(0)] int Known,
    [property: Id(1)] int Active,
    [property: Id(2)] int Disrupted,
    [property: Id(3)] double RevenueDisrupted)
{
    [Id(4)] public IReadOnlyDictionary<string, QuadrantTally> Quadrants { get; init; } = new Dictionary<string, QuadrantTally>();
    [Id(5)] public KnewFirstView KnewFirst { get; init; } = new(0, 0, null, null);
}
