namespace CxLive.Api.Contracts;

public sealed record HiddenDisruption(
    string Touchpoint,
    int CustomersDisrupted,
    double RevenueDisrupted);
