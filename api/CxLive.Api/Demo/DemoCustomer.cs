using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Api.Demo;

/// <summary>A simulated paying customer: its profile and how many interactions a second it makes across all touchpoints.</summary>
internal sealed record DemoCustomer(string Id, CustomerProfile Profile, double EventsPerSecond);
