namespace CxLive.Api.Demo;

/// <summary>
/// The interactions of one second of the simulation, the same for the same seed and second. Each customer makes a
/// Poisson number of calls on each touchpoint around <see cref="DemoFleet.Rate"/>; latency is log-normal around the
/// touchpoint's median (sigma <see cref="LatencySigma"/>, so well under the threshold), with a background of
/// <see cref="BackgroundFailureRatio"/> failures and <see cref="BackgroundSlowRatio"/> slow calls after the first
/// <see cref="QuietStartSeconds"/> (while a verdict window holds only a dozen calls, two unlucky ones would look like a
/// disruption that then takes minutes of clean calls to clear: noise, not the story). Customers in an
/// incident call at least at the incident's rate, and a share of their calls fail or crawl; after it they call at
/// least <see cref="DemoScenario.RecoveryRatePerSecond"/> times a second for <see cref="DemoScenario.RecoverySeconds"/>,
/// enough clean calls for the verdict to see them recover.
/// </summary>
internal sealed class DemoTraffic(DemoFleet fleet, DemoScenario scenario, int seed)
{
    public const double BackgroundFailureRatio = 0.0005;
    public const double BackgroundSlowRatio = 0.0005;
    public const double LatencySigma = 0.35;
    public const int QuietStartSeconds = 60;

    private readonly Dictionary<(int Customer, int Touchpoint), (double Rate, DemoIncident? Incident)> _overrides = [];

    /// <summary>Appends the interactions of <paramref name="second"/> to <paramref name="events"/>.</summary>
    public void Generate(long second, List<DemoEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var random = new Random(DemoSeeds.For(seed, DemoSeeds.Traffic, second));
        CollectOverrides(second);
        for (var c = 0; c < fleet.Customers.Count; c++)
        {
            for (var t = 0; t < fleet.Touchpoints.Count; t++)
            {
                var rate = fleet.Rate(c, t);
                DemoIncident? incident = null;
                if (_overrides.TryGetValue((c, t), out var special))
                {
                    rate = Math.Max(rate, special.Rate);
                    incident = special.Incident;
                }

                var calls = Poisson(random, rate);
                for (var i = 0; i < calls; i++)
                {
                    events.Add(Interaction(random, c, t, incident, background: second >= QuietStartSeconds));
                }
            }
        }
    }

    private void CollectOverrides(long second)
    {
        _overrides.Clear();
        foreach (var incident in scenario.AffectingAt(second))
        {
            var active = incident.IsActiveAt(second);
            foreach (var customer in incident.Customers)
            {
                var key = (customer, incident.Touchpoint);
                _overrides.TryGetValue(key, out var existing);
                var rate = Math.Max(existing.Rate, active ? incident.RatePerSecond : DemoScenario.RecoveryRatePerSecond);
                _overrides[key] = (rate, existing.Incident ?? (active ? incident : null));
            }
        }
    }

    private DemoEvent Interaction(Random random, int customer, int touchpoint, DemoIncident? incident, bool background)
    {
        var definition = fleet.Touchpoints[touchpoint];
        var latency = definition.MedianLatencyMs * Math.Exp(LatencySigma * StandardNormal(random));
        if (incident is not null && random.NextDouble() < incident.AffectedShare)
        {
            return incident.Kind == DemoIncidentKind.Failing
                ? new DemoEvent(customer, touchpoint, Math.Round(latency, 1), Success: false)
                : new DemoEvent(customer, touchpoint, Math.Round(definition.LatencyThresholdMs * incident.SlowFactor * Math.Exp(0.1 * StandardNormal(random)), 1), Success: true);
        }

        var u = background ? random.NextDouble() : 1;
        if (u < BackgroundFailureRatio)
        {
            return new DemoEvent(customer, touchpoint, Math.Round(latency, 1), Success: false);
        }

        if (u < BackgroundFailureRatio + BackgroundSlowRatio)
        {
            latency = definition.LatencyThresholdMs * (1.2 + (1.8 * random.NextDouble()));
        }

        return new DemoEvent(customer, touchpoint, Math.Round(latency, 1), Success: true);
    }

    /// <summary>Knuth's method for small means, a rounded normal approximation for large ones.</summary>
    internal static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * StandardNormal(random))));
        }

        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    /// <summary>Box-Muller.</summary>
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
