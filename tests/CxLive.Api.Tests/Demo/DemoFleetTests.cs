using CxLive.Api.Contracts;
using CxLive.Api.Demo;
using CxLive.Domain;

namespace CxLive.Api.Tests.Demo;

public sealed class DemoFleetTests
{
    [Fact]
    public void The_same_seed_gives_the_same_fleet_and_another_seed_another()
    {
        var a = DemoFleet.Generate(seed: 42, customers: 300, eventsPerSecond: 3000);
        var b = DemoFleet.Generate(seed: 42, customers: 300, eventsPerSecond: 3000);
        var c = DemoFleet.Generate(seed: 43, customers: 300, eventsPerSecond: 3000);

        Assert.Equal(a.Customers.Select(x => x.Id), b.Customers.Select(x => x.Id));
        Assert.Equal(a.Customers.Select(x => (x.Profile.Name, x.Profile.AnnualRevenue, x.Profile.AccountManager, x.EventsPerSecond)), b.Customers.Select(x => (x.Profile.Name, x.Profile.AnnualRevenue, x.Profile.AccountManager, x.EventsPerSecond)));
        Assert.Equal(a.Customers.Select(x => x.Profile.Tags!.Count), b.Customers.Select(x => x.Profile.Tags!.Count));
        Assert.NotEqual(a.Customers.Select(x => x.Id), c.Customers.Select(x => x.Id));
    }

    [Fact]
    public void Six_valid_touchpoints_in_journey_order_with_one_run_by_a_partner()
    {
        var fleet = DemoFleet.Generate(seed: 1, customers: 10, eventsPerSecond: 100);

        Assert.Equal(["login", "search", "product", "cart", "checkout", "api.orders"], fleet.Touchpoints.Select(t => t.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6], fleet.Touchpoints.Select(t => t.Definition.JourneyOrder!.Value));
        Assert.Single(fleet.Touchpoints, t => t.Definition.Owner!.Contains("partner", StringComparison.Ordinal));
        Assert.Equal(6, fleet.Touchpoints.Select(t => t.Definition.Owner).Distinct().Count());
        Assert.Equal(1, fleet.Touchpoints.Sum(t => t.TrafficShare), precision: 9);
        foreach (var touchpoint in fleet.Touchpoints)
        {
            var errors = new ValidationErrors();
            touchpoint.Definition.ToWire().Validate(errors);
            Assert.True(errors.IsEmpty, $"{touchpoint.Id}'s definition is invalid");
            Assert.True(EntityId.IsValid(touchpoint.Id));
            Assert.True(touchpoint.MedianLatencyMs * 2.5 < touchpoint.LatencyThresholdMs, $"{touchpoint.Id}'s median is too close to its threshold");
        }
    }

    [Fact]
    public void Customers_are_valid_unique_long_tailed_and_their_traffic_adds_up()
    {
        var fleet = DemoFleet.Generate(seed: 2026, customers: 1000, eventsPerSecond: 3000);

        Assert.Equal(1000, fleet.Customers.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var customer in fleet.Customers)
        {
            var errors = new ValidationErrors();
            customer.Profile.ToWire().Validate(errors);
            Assert.True(errors.IsEmpty, $"{customer.Id}'s profile is invalid");
            Assert.True(EntityId.IsValid(customer.Id), $"{customer.Id} is not a valid id");
        }

        var revenues = fleet.Customers.Select(c => c.Profile.AnnualRevenue!.Value).Order().ToArray();
        Assert.InRange(revenues[0], 5_000, 10_000);
        Assert.InRange(revenues[^1], 1_000_000, 2_000_000);
        Assert.InRange(revenues[revenues.Length / 2], 10_000, 60_000);
        Assert.InRange(revenues.Count(r => r is >= 5_000 and <= 100_000), 600, 900);
        Assert.InRange(revenues.Count(r => r >= 300_000), 10, 80);
        Assert.InRange(fleet.Customers.Count(c => c.Profile.PotentialRevenue >= 2 * c.Profile.AnnualRevenue), 100, 400);
        Assert.Equal(DemoFleet.AccountManagers.Order(), fleet.Customers.Select(c => c.Profile.AccountManager!).Distinct().Order());
        Assert.Equal(["enterprise", "mid-market", "smb"], fleet.Customers.Select(c => c.Profile.Segment!).Distinct().Order());

        Assert.Equal(3000, fleet.Customers.Sum(c => c.EventsPerSecond), precision: 6);
        var biggest = fleet.Customers.MaxBy(c => c.Profile.AnnualRevenue)!;
        var smallest = fleet.Customers.MinBy(c => c.Profile.AnnualRevenue)!;
        Assert.True(biggest.EventsPerSecond > 5 * smallest.EventsPerSecond, "bigger accounts should be busier");
    }
}
