using CxLive.Api.Demo;
using CxLive.Domain.Telemetry;

namespace CxLive.Api.Tests.Demo;

public sealed class DemoScenarioTests
{
    private const int LongWindow = 600;
    private const int ShortWindow = 60;

    [Fact]
    public void Incidents_start_on_schedule_with_8_to_25_customers_some_of_them_big()
    {
        var fleet = DemoFleet.Generate(seed: 2026, customers: 300, eventsPerSecond: 3000);
        var scenario = new DemoScenario(fleet, seed: 2026, firstAfterSeconds: 30, everySeconds: 150, durationSeconds: 90, LongWindow);
        var again = new DemoScenario(fleet, seed: 2026, firstAfterSeconds: 30, everySeconds: 150, durationSeconds: 90, LongWindow);
        var topDecile = fleet.Customers.Select(c => c.Profile.AnnualRevenue!.Value).OrderDescending().ElementAt(29);

        var incidents = Enumerable.Range(0, 20).Select(scenario.Incident).ToArray();

        Assert.All(incidents, i => Assert.NotNull(i));
        Assert.Equal(Enumerable.Range(0, 20).Select(n => 30L + (150L * n)), incidents.Select(i => i!.StartSecond));
        Assert.All(incidents, i => Assert.InRange(i!.Customers.Count, DemoScenario.MinCustomers, DemoScenario.MaxCustomers));
        Assert.All(incidents, i => Assert.Equal(i!.Customers.Count, i.Customers.Distinct().Count()));
        Assert.All(incidents, i => Assert.InRange(i!.RatePerSecond, 0.5, 4));
        Assert.True(incidents.Count(i => i!.Customers.Any(c => fleet.Customers[c].Profile.AnnualRevenue >= topDecile)) >= 15, "most incidents should hit a big account");
        Assert.True(incidents.Select(i => i!.Touchpoint).Distinct().Count() >= 4, "incidents should move around the touchpoints");
        Assert.Contains(incidents, i => i!.Kind == DemoIncidentKind.Failing);
        Assert.Contains(incidents, i => i!.Kind == DemoIncidentKind.Slow);
        Assert.Equal(incidents.Select(i => (i!.Touchpoint, i.Kind, string.Join(',', i.Customers))), Enumerable.Range(0, 20).Select(n => again.Incident(n)!).Select(i => (i.Touchpoint, i.Kind, string.Join(',', i.Customers))));
        Assert.Equal([incidents[0]!], scenario.StartingIn(0, 30));
        Assert.Equal([incidents[0]!], scenario.EndingIn(119, 120));
        Assert.Empty(scenario.StartingIn(30, 179));
    }

    /// <summary>
    /// Plays the simulation second by second and judges it as CxLive would: each touchpoint's internal KPI stays
    /// healthy over the long window (availability >= 0.995, under 5% slow so p95 stays under the threshold), every
    /// customer of an incident is disrupted during it (Wilson lower bound of the short-window bad ratio above 5% with
    /// at least 10 calls) and recovered within two minutes after (upper bound below 2.5%), and nobody else is disrupted.
    /// </summary>
    [Theory]
    [InlineData(2026, 300, 3000, 30, 150, 90, 1000)]
    [InlineData(7, 1000, 5000, 30, 150, 90, 700)]
    [InlineData(11, 300, 1500, 2, 600, 60, 300)]
    public void The_touchpoint_kpi_stays_healthy_while_the_incident_customers_are_disrupted_and_recover(
        int seed, int customers, int eventsPerSecond, int firstAfter, int every, int duration, int seconds)
    {
        var fleet = DemoFleet.Generate(seed, customers, eventsPerSecond);
        var scenario = new DemoScenario(fleet, seed, firstAfter, every, duration, LongWindow);
        var traffic = new DemoTraffic(fleet, scenario, seed);
        var touchpoints = fleet.Touchpoints.Count;
        var kpi = new (long Total, long Errors, long Slow)[seconds, touchpoints];
        var perCustomer = new Dictionary<(int Customer, int Touchpoint), (long Total, long Bad)[]>();
        var events = new List<DemoEvent>();

        for (var s = 0; s < seconds; s++)
        {
            events.Clear();
            traffic.Generate(s, events);
            foreach (var e in events)
            {
                var slow = e.LatencyMs > fleet.Touchpoints[e.Touchpoint].LatencyThresholdMs;
                ref var k = ref kpi[s, e.Touchpoint];
                k = (k.Total + 1, k.Errors + (e.Success ? 0 : 1), k.Slow + (slow ? 1 : 0));
                if (!perCustomer.TryGetValue((e.Customer, e.Touchpoint), out var series))
                {
                    perCustomer[(e.Customer, e.Touchpoint)] = series = new (long, long)[seconds];
                }

                series[s] = (series[s].Total + 1, series[s].Bad + (!e.Success || slow ? 1 : 0));
            }
        }

        for (var t = 0; t < touchpoints; t++)
        {
            long total = 0, errors = 0, slow = 0;
            for (var s = 0; s < seconds; s++)
            {
                total += kpi[s, t].Total;
                errors += kpi[s, t].Errors;
                slow += kpi[s, t].Slow;
                if (s >= LongWindow)
                {
                    total -= kpi[s - LongWindow, t].Total;
                    errors -= kpi[s - LongWindow, t].Errors;
                    slow -= kpi[s - LongWindow, t].Slow;
                }

                if (s >= 10)
                {
                    Assert.True((double)errors / total < 0.005, $"{fleet.Touchpoints[t].Id} availability fell under 0.995 at second {s}: {errors}/{total}");
                    Assert.True((double)slow / total < 0.05, $"{fleet.Touchpoints[t].Id} p95 went over its threshold at second {s}: {slow}/{total} slow");
                }
            }
        }

        var incidents = Enumerable.Range(0, 100).Select(scenario.Incident).OfType<DemoIncident>().Where(i => i.EndSecond + DemoScenario.RecoverySeconds <= seconds).ToArray();
        Assert.NotEmpty(incidents);
        var disruptedEver = new HashSet<(int, int)>();
        foreach (var ((customer, touchpoint), series) in perCustomer)
        {
            if (Enumerable.Range(1, seconds).Any(s => IsDisrupted(Window(series, s))))
            {
                disruptedEver.Add((customer, touchpoint));
            }
        }

        foreach (var incident in incidents)
        {
            foreach (var customer in incident.Customers)
            {
                var series = perCustomer[(customer, incident.Touchpoint)];
                Assert.True(
                    Enumerable.Range((int)incident.StartSecond + 1, duration).Any(s => IsDisrupted(Window(series, s))),
                    $"incident {incident.Number}: customer {customer} was never judged disrupted on {fleet.Touchpoints[incident.Touchpoint].Id}");
                Assert.True(
                    Enumerable.Range((int)incident.EndSecond + ShortWindow, DemoScenario.RecoverySeconds - ShortWindow).Any(s => IsRecovered(Window(series, s))),
                    $"incident {incident.Number}: customer {customer} did not recover on {fleet.Touchpoints[incident.Touchpoint].Id}");
            }
        }

        var everAffected = Enumerable.Range(0, 100).Select(scenario.Incident).OfType<DemoIncident>().Where(i => i.StartSecond < seconds)
            .SelectMany(i => i.Customers.Select(c => (c, i.Touchpoint))).ToHashSet();
        var strangers = disruptedEver.Except(everAffected).ToArray();
        Assert.True(strangers.Length == 0, "disrupted outside any incident: " + string.Join(", ", strangers.Take(10).Select(k => $"customer {k.Item1} on {fleet.Touchpoints[k.Item2].Id} at second {Enumerable.Range(1, seconds).First(s => IsDisrupted(Window(perCustomer[k], s)))}")));
    }

    private static (long Total, long Bad) Window((long Total, long Bad)[] series, int endExclusive)
    {
        long total = 0, bad = 0;
        for (var s = Math.Max(0, endExclusive - ShortWindow); s < endExclusive; s++)
        {
            total += series[s].Total;
            bad += series[s].Bad;
        }

        return (total, bad);
    }

    // Threshold max(0.05, 10 x (1 - 0.995)) = 0.05 for every demo touchpoint; recovery below half of it.
    private static bool IsDisrupted((long Total, long Bad) w) => w.Total >= 10 && WilsonInterval.Of(w.Bad, w.Total, 1.96).Lower > 0.05;

    private static bool IsRecovered((long Total, long Bad) w) => WilsonInterval.Of(w.Bad, w.Total, 1.96).Upper < 0.025;
}
