namespace CxLive.Api.Contracts;

public sealed record QuadrantTally(int Customers, double Revenue);
