namespace CxLive.Api.Demo;

/// <summary>
/// The schedule of hidden disruptions: incident <c>n</c> starts at second <c>first + n x every</c> of the simulation
/// and lasts <c>duration</c>. Each picks a touchpoint and 8-25 customers (some of the biggest among them) and makes a
/// share of their calls fail or crawl, while everyone else stays healthy. The size is chosen so that the touchpoint's
/// internal KPI stays healthy over the long window, which is what makes the disruption hidden:
/// <code>
/// window total  = touchpoint rate x min(longWindow, incident end)       (all traffic there when all is well)
/// failing:  (errors of this and earlier incidents in the window) / total &lt;= 0.7 x (1 - sloTarget) - background failures
/// slow:     (slow calls of this and earlier incidents in the window) / total &lt;= 2%   (p95 stays under the threshold)
/// </code>
/// The customers' rate during the incident is the highest of 4, 3, 2, 1.5, 1, 0.75, 0.5 calls a second that fits
/// (0.5/s still gives 30 calls in the 60 s verdict window); when nothing fits the incident is skipped (null).
/// </summary>
internal sealed class DemoScenario(DemoFleet fleet, int seed, int firstAfterSeconds, int everySeconds, int durationSeconds, int longWindowSeconds)
{
    public const int MinCustomers = 8;
    public const int MaxCustomers = 25;
    public const int RecoverySeconds = 120;
    public const double RecoveryRatePerSecond = 6;
    public const double SlowShareBudget = 0.02;

    private static readonly double[] RateLadder = [4, 3, 2, 1.5, 1, 0.75, 0.5];
    private const int Attempts = 40;

    private readonly List<DemoIncident?> _planned = [];

    public int FirstAfterSeconds => firstAfterSeconds;

    public int EverySeconds => everySeconds;

    public int DurationSeconds => durationSeconds;

    public long StartSecond(int number) => firstAfterSeconds + ((long)number * everySeconds);

    /// <summary>The share of a touchpoint's calls that incidents may make fail, on top of the background failures.</summary>
    public static double ErrorShareBudget(DemoTouchpoint touchpoint) => (0.7 * (1 - touchpoint.SloTarget)) - DemoTraffic.BackgroundFailureRatio;

    /// <summary>Incident <paramref name="number"/>, or null when none fitted the touchpoints' budgets.</summary>
    public DemoIncident? Incident(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        while (_planned.Count <= number)
        {
            _planned.Add(Plan(_planned.Count));
        }

        return _planned[number];
    }

    /// <summary>Incidents running, or recovering, at a second of the simulation.</summary>
    public IEnumerable<DemoIncident> AffectingAt(long second)
    {
        var last = NumberStartedBy(second);
        for (var n = Math.Max(0, last - ((durationSeconds + RecoverySeconds) / everySeconds) - 1); n <= last; n++)
        {
            if (Incident((int)n) is { } incident && (incident.IsActiveAt(second) || incident.IsRecoveringAt(second)))
            {
                yield return incident;
            }
        }
    }

    /// <summary>Incidents starting in the seconds (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public IEnumerable<DemoIncident> StartingIn(long after, long upTo)
    {
        for (var n = Math.Max(0, NumberStartedBy(after) + 1); n <= NumberStartedBy(upTo); n++)
        {
            if (Incident((int)n) is { } incident)
            {
                yield return incident;
            }
        }
    }

    /// <summary>Incidents ending in the seconds (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public IEnumerable<DemoIncident> EndingIn(long after, long upTo) =>
        StartingIn(after - durationSeconds, upTo - durationSeconds);

    /// <summary>The last incident number started by a second; -1 before the first.</summary>
    private long NumberStartedBy(long second) => second < firstAfterSeconds ? -1 : (second - firstAfterSeconds) / everySeconds;

    private DemoIncident? Plan(int number)
    {
        var random = new Random(DemoSeeds.For(seed, DemoSeeds.Incidents, number));
        var start = StartSecond(number);
        var end = start + durationSeconds;
        var bySize = Enumerable.Range(0, fleet.Customers.Count).OrderByDescending(c => fleet.Customers[c].Profile.AnnualRevenue ?? 0).ToArray();
        var bigOnes = Math.Max(1, bySize.Length / 10);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var touchpoint = random.Next(fleet.Touchpoints.Count);
            var kind = attempt < Attempts / 2 && random.NextDouble() < 0.6 ? DemoIncidentKind.Failing : DemoIncidentKind.Slow;
            var count = Math.Min(fleet.Customers.Count, attempt < 12 ? random.Next(MinCustomers, MaxCustomers + 1) : MinCustomers);
            var big = Math.Min(Math.Min(count, bigOnes), attempt < 12 ? random.Next(1, 4) : attempt < 30 ? 1 : 0);
            var customers = PickCustomers(random, bySize, bigOnes, big, count);
            var share = kind == DemoIncidentKind.Failing ? 0.3 + (0.2 * random.NextDouble()) : 0.5 + (0.4 * random.NextDouble());
            var slowFactor = 3 + (2 * random.NextDouble());
            var budget = Budget(touchpoint, kind, end);
            foreach (var rate in RateLadder)
            {
                var bad = customers.Sum(c => Math.Max(rate, fleet.Rate(c, touchpoint))) * share * durationSeconds;
                if (bad <= budget)
                {
                    return new DemoIncident(number, touchpoint, kind, customers, share, slowFactor, rate, start, end, bad);
                }
            }
        }

        return null;
    }

    /// <summary>Bad calls an incident on a touchpoint ending at <paramref name="end"/> may add, given earlier ones still in the window.</summary>
    private double Budget(int touchpoint, DemoIncidentKind kind, long end)
    {
        var windowStart = end - longWindowSeconds;
        var total = fleet.TouchpointRate(touchpoint) * Math.Min(longWindowSeconds, end);
        var share = kind == DemoIncidentKind.Failing ? ErrorShareBudget(fleet.Touchpoints[touchpoint]) : SlowShareBudget;
        var earlier = _planned
            .Where(i => i is not null && i.Touchpoint == touchpoint && i.Kind == kind && i.EndSecond > windowStart)
            .Sum(i => i!.ExpectedBadEvents);
        return (share * total) - earlier;
    }

    private static int[] PickCustomers(Random random, int[] bySize, int bigOnes, int big, int count)
    {
        var picked = new HashSet<int>();
        while (picked.Count < big)
        {
            picked.Add(bySize[random.Next(bigOnes)]);
        }

        while (picked.Count < count)
        {
            picked.Add(bySize[random.Next(bySize.Length)]);
        }

        return [.. picked.Order()];
    }
}
