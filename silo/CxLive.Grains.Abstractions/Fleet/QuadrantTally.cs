namespace CxLive.Grains.Abstractions.Fleet;

[GenerateSerializer, Immutable, Alias("cxlive.QuadrantTally")]
public sealed record QuadrantTally([property: Id(0)] int Customers, [property: Id(1)] double Revenue);
