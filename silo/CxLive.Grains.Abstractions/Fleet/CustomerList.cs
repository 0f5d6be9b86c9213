namespace CxLive.Grains.Abstractions.Fleet;

[GenerateSerializer, Immutable, Alias("cxlive.CustomerList")]
public sealed record CustomerList(
    [property: Id(0)] IReadOnlyList<CustomerSummary> Items,
    [property: Id(1)] int Total);
