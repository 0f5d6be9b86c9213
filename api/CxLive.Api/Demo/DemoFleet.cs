using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Api.Demo;

/// <summary>
/// The demo's touchpoints and customers, generated from a seed: the same seed gives the same fleet.
/// Revenue is long-tailed (a few accounts up to ~2M, most 5k-60k). All customers together make <c>eventsPerSecond</c>
/// interactions a second: every customer at least <see cref="MinRatePerTouchpoint"/> on every touchpoint (at most half
/// of the traffic), so that even the smallest make enough calls for a verdict that two unlucky calls do not sway;
/// the rest goes to busier, bigger accounts (with the square root of annual revenue), split over the touchpoints by
/// <see cref="DemoTouchpoint.TrafficShare"/>.
/// </summary>
internal sealed class DemoFleet
{
    public const double EnterpriseShare = 0.04;
    public const double MidMarketShare = 0.20;

    public static IReadOnlyList<string> AccountManagers { get; } = ["dana", "li", "omar", "priya", "tomas", "keiko", "marcus", "ana"];

    private static readonly string[] Regions = ["eu-west", "us-east", "us-west", "apac", "latam"];

    public const double PreferredMinRatePerTouchpoint = 0.5;

    private DemoFleet(IReadOnlyList<DemoTouchpoint> touchpoints, IReadOnlyList<DemoCustomer> customers, double minRatePerTouchpoint)
    {
        Touchpoints = touchpoints;
        Customers = customers;
        MinRatePerTouchpoint = minRatePerTouchpoint;
    }

    /// <summary>Calls a second every customer makes on every touchpoint, however small.</summary>
    public double MinRatePerTouchpoint { get; }

    public IReadOnlyList<DemoTouchpoint> Touchpoints { get; }

    public IReadOnlyList<DemoCustomer> Customers { get; }

    /// <summary>Expected interactions a second of one customer on one touchpoint when all is well.</summary>
    public double Rate(int customer, int touchpoint) =>
        MinRatePerTouchpoint + ((Customers[customer].EventsPerSecond - (MinRatePerTouchpoint * Touchpoints.Count)) * Touchpoints[touchpoint].TrafficShare);

    /// <summary>Expected interactions a second on a touchpoint, all customers together, when all is well.</summary>
    public double TouchpointRate(int touchpoint) => Enumerable.Range(0, Customers.Count).Sum(c => Rate(c, touchpoint));

    /// <summary>The six touchpoints of an online shop's journey; checkout is run by a payments partner.</summary>
    public static IReadOnlyList<DemoTouchpoint> JourneyTouchpoints { get; } =
    [
        Define("login", "Login", "access", 1, "identity-team", 400, medianMs: 120, share: 0.10),
        Define("search", "Search", "discovery", 2, "search-team", 300, medianMs: 90, share: 0.24),
        Define("product", "Product page", "discovery", 3, "catalog-team", 500, medianMs: 140, share: 0.24),
        Define("cart", "Cart", "purchase", 4, "commerce-team", 400, medianMs: 110, share: 0.12),
        Define("checkout", "Checkout", "purchase", 5, "Stripe (partner)", 800, medianMs: 240, share: 0.08, weight: 3),
        Define("api.orders", "Orders API", "fulfilment", 6, "platform-team", 250, medianMs: 70, share: 0.22),
    ];

    public static DemoFleet Generate(int seed, int customers, double eventsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerSecond);
        var random = new Random(seed);
        var names = new DemoCompanyNames(random);
        var drafts = new List<(string Id, CustomerProfile Profile)>(customers);
        for (var i = 0; i < customers; i++)
        {
            drafts.Add(NextCustomer(random, names));
        }

        var touchpoints = JourneyTouchpoints;
        var floor = Math.Min(PreferredMinRatePerTouchpoint, eventsPerSecond / 2 / customers / touchpoints.Count);
        var shared = eventsPerSecond - (floor * touchpoints.Count * customers);
        var weights = drafts.Select(d => Math.Sqrt(d.Profile.AnnualRevenue ?? 0)).ToArray();
        var totalWeight = weights.Sum();
        var fleet = drafts.Select((d, i) => new DemoCustomer(d.Id, d.Profile, (floor * touchpoints.Count) + (shared * weights[i] / totalWeight))).ToArray();
        return new DemoFleet(touchpoints, fleet, floor);
    }

    private static (string Id, CustomerProfile Profile) NextCustomer(Random random, DemoCompanyNames names)
    {
        var vertical = DemoCompanyNames.Verticals[random.Next(DemoCompanyNames.Verticals.Count)];
        var (id, name) = names.Next(vertical);
        var tier = random.NextDouble();
        var (segment, annual, plan) = tier < EnterpriseShare
            ? ("enterprise", LogUniform(random, 300_000, 2_000_000), "enterprise")
            : tier < EnterpriseShare + MidMarketShare
                ? ("mid-market", LogUniform(random, 60_000, 300_000), random.Next(2) == 0 ? "business" : "premium")
                : ("smb", LogUniform(random, 5_000, 60_000), random.Next(2) == 0 ? "starter" : "growth");
        annual = Math.Round(annual / 1000) * 1000;
        var upsell = random.NextDouble() < 0.25;
        var potential = Math.Round(annual * (upsell ? 2 + (3 * random.NextDouble()) : 1 + (0.3 * random.NextDouble())) / 1000) * 1000;
        var region = Regions[random.Next(Regions.Length)];
        var tags = new List<string> { region, "renewal-q" + (1 + random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (segment == "enterprise")
        {
            tags.Add("priority");
        }

        if (upsell)
        {
            tags.Add("upsell");
        }

        return (id, new CustomerProfile
        {
            Name = name,
            Segment = segment,
            Region = region,
            Vertical = vertical,
            Plan = plan,
            AnnualRevenue = annual,
            PotentialRevenue = potential,
            AccountManager = AccountManagers[random.Next(AccountManagers.Count)],
            Tags = tags,
        });
    }

    private static double LogUniform(Random random, double min, double max) => min * Math.Exp(random.NextDouble() * Math.Log(max / min));

    private static DemoTouchpoint Define(string id, string name, string stage, int order, string owner, double thresholdMs, double medianMs, double share, double weight = 1) =>
        new(id, new TouchpointDefinition
        {
            Name = name,
            JourneyStage = stage,
            JourneyOrder = order,
            Owner = owner,
            LatencyThresholdMs = thresholdMs,
            SloTarget = 0.995,
            Weight = weight,
        }, medianMs, share);
}
