namespace CxLive.Api.Contracts;

public sealed record CustomerList(
    IReadOnlyList<CustomerSummary> Items,
    int Total);
