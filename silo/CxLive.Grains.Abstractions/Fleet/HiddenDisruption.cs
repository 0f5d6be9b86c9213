namespace CxLive.Grains.Abstractions.Fleet;

[GenerateSerializer, Immutable, Alias("cxlive.HiddenDisruption")]
public sealed record HiddenDisruption(
    [property: Id(0)] string Touchpoint,
    [property: Id(1)] int CustomersDisrupted,
    [property: Id(2)] double RevenueDisrupted);
