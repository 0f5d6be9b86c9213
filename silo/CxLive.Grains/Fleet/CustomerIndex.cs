using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Index;
using Orleans.Serialization;

namespace CxLive.Grains.Fleet;

/// <summary>
/// Every customer's summary in the fleet index (<see cref="IFleetIndex"/>), one row per customer written by its own
/// grain on change: lists and their filters and orders (GET /api/v1/customers), the fleet counts, quadrant tallies,
/// knew-first totals and per-touchpoint customer counts (as counters summed by storage), the median revenue, and which
/// silo holds each live customer. No grain holds the fleet.
/// </summary>
public sealed class CustomerIndex(IFleetIndex index, Serializer<CustomerSummary> serializer)
{
    public const string Name = "customers";
    private const string SiloTag = "silo:";
    private const double Last = double.MaxValue;
    private const double RevenueCap = 1e14;

    public Task Write(IndexRow row) => index.Upsert(Name, row);

    /// <summary>
    /// A fingerprint of everything <see cref="Row"/> is made from, far cheaper than making the row: a grain compares it with
    /// the last one written and builds (and writes) a row only when it differs.
    /// </summary>
    public static ulong Fingerprint(CustomerIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var s = entry.Summary;
        var hash = new System.IO.Hashing.XxHash3();
        void Text(string? text)
        {
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes((text ?? "\0").AsSpan()));
            hash.Append([0xff]);
        }

        void Number(double? value)
        {
            Span<byte> bytes = stackalloc byte[9];
            bytes[0] = value is null ? (byte)0 : (byte)1;
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes[1..], value ?? 0);
            hash.Append(bytes);
        }

        Text(s.CustomerId);
        Text(s.Name);
        Text(s.AccountManager);
        Text(s.Segment);
        Text(s.Quadrant);
        Text(entry.Silo);
        Number(s.AnnualRevenue);
        Number(s.PotentialRevenue);
        Number(s.ExperienceScore);
        Number(s.DisruptedSince?.ToUnixTimeMilliseconds());
        Number(s.LeadSecondsTotal);
        Number(s.DetractorSignals);
        Number(s.KnownFirst);
        Number((s.Active ? 1 : 0) + (s.Disrupted ? 2 : 0) + (s.Degraded ? 4 : 0));
        foreach (var touchpoint in s.DisruptedTouchpoints)
        {
            Text(touchpoint);
        }

        foreach (var presence in entry.Touchpoints)
        {
            Text(presence.Touchpoint);
            Number((presence.Active ? 1 : 0) + (presence.Disrupted ? 2 : 0));
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The row <paramref name="entry"/> makes (compare two with <see cref="IndexChange"/> to see whether a write is due).</summary>
    public IndexRow Row(CustomerIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var summary = entry.Summary;
        var revenue = summary.AnnualRevenue ?? 0;
        var tags = new List<string>(4) { summary.Disrupted ? "disrupted:true" : "disrupted:false" };
        if (summary.Quadrant is { } quadrant)
        {
            tags.Add("q:" + quadrant);
        }

        if (summary.AccountManager is { } manager)
        {
            tags.Add("am:" + manager);
        }

        if (entry.Silo is { } silo)
        {
            tags.Add(SiloTag + silo);
        }

        var sorts = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["default"] = (summary.Disrupted ? 0 : 2 * RevenueCap) + (RevenueCap - Math.Clamp(revenue, 0, RevenueCap)),
            ["revenue"] = revenue,
            ["score"] = summary.ExperienceScore ?? Last,
            ["name"] = NameOrder.Key(summary.Name ?? summary.CustomerId),
            ["id"] = 0,
            ["disruptedSince"] = summary.DisruptedSince?.ToUnixTimeMilliseconds() ?? Last,
        };
        if (summary.AnnualRevenue is { } known)
        {
            sorts["revenueKnown"] = known;
        }

        var counters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["known"] = 1,
            ["active"] = summary.Active ? 1 : 0,
            ["disrupted"] = summary.Disrupted ? 1 : 0,
            ["revenueDisrupted"] = summary.Disrupted ? revenue : 0,
            ["detractorSignals"] = summary.DetractorSignals,
            ["knownFirst"] = summary.KnownFirst,
            ["leadSeconds"] = summary.LeadSecondsTotal,
        };
        if (summary.Quadrant is { } q)
        {
            counters[$"q:{q}:n"] = 1;
            counters[$"q:{q}:revenue"] = revenue;
        }

        foreach (var presence in entry.Touchpoints)
        {
            var prefix = "tp:" + presence.Touchpoint;
            Add(counters, prefix + ":active", presence.Active ? 1 : 0);
            Add(counters, prefix + ":revenueActive", presence.Active ? revenue : 0);
            Add(counters, prefix + ":disrupted", presence.Disrupted ? 1 : 0);
            Add(counters, prefix + ":revenueDisrupted", presence.Disrupted ? revenue : 0);
        }

        if (summary.AccountManager is { } owner)
        {
            // The same totals again for the account manager's book: a scoped key's overview reads them (BookTotals).
            foreach (var (name, value) in counters.ToList())
            {
                counters[CounterGroups.Name(Book(owner), name)] = value;
            }
        }

        return new IndexRow
        {
            Id = summary.CustomerId,
            Payload = serializer.SerializeToArray(summary),
            Tags = tags,
            Sorts = sorts,
            Counters = counters.Where(c => c.Value != 0).ToDictionary(StringComparer.Ordinal),
        };
    }

    public async Task<CustomerList> Query(CustomerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tags = new List<string>(3);
        if (query.Disrupted is { } disrupted)
        {
            tags.Add(disrupted ? "disrupted:true" : "disrupted:false");
        }

        if (query.AccountManager is { } manager)
        {
            tags.Add("am:" + manager);
        }

        if (query.Quadrant is { } quadrant)
        {
            tags.Add("q:" + quadrant);
        }

        var sort = query.Sort?.TrimStart('-') ?? "default";
        var page = await index.Query(Name, new IndexQuery
        {
            Tags = tags,
            AnyTags = [.. (query.AccountManagers ?? []).Select(m => "am:" + m)],
            Sort = sort,
            Descending = query.Sort?.StartsWith('-') == true,
            Offset = query.Offset,
            Limit = query.Limit,
        });
        return new CustomerList([.. page.Rows.Select(r => serializer.Deserialize(r.Payload)!)], (int)page.Total);
    }

    public async Task<FleetTotals> Totals() => Totals(await Counters());

    public Task<IReadOnlyList<string>> Existing(IReadOnlyList<string> customerIds) => index.Existing(Name, customerIds);

    /// <summary>The totals of the customers of these account managers only (their books' counter groups, summed).</summary>
    public async Task<FleetTotals> BookTotals(IReadOnlyList<string> accountManagers)
    {
        ArgumentNullException.ThrowIfNull(accountManagers);
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var books in await Task.WhenAll(accountManagers.Distinct(StringComparer.Ordinal).Select(m => index.Counters(Name, Book(m)))))
        {
            foreach (var (name, value) in books)
            {
                Add(sum, name, value);
            }
        }

        return Totals(sum);
    }

    /// <summary>The counter group of an account manager's customers.</summary>
    private static string Book(string accountManager) => "am:" + accountManager;

    /// <summary>The index's counters as stored (compare two readings to see whether anything moved).</summary>
    public Task<IReadOnlyDictionary<string, double>> Counters() => index.Counters(Name);

    /// <summary>Fleet counts and per-touchpoint customers from the index's counters.</summary>
    public static FleetTotals Totals(IReadOnlyDictionary<string, double> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        double Get(string name) => counters.GetValueOrDefault(name);
        int Count(string name) => (int)Math.Round(Get(name));

        var quadrants = new Dictionary<string, QuadrantTally>(StringComparer.Ordinal);
        var touchpoints = new Dictionary<string, CustomerImpact>(StringComparer.Ordinal);
        foreach (var name in counters.Keys)
        {
            if (name.StartsWith("q:", StringComparison.Ordinal) && name.EndsWith(":n", StringComparison.Ordinal) && Count(name) > 0)
            {
                var quadrant = name[2..^2];
                quadrants[quadrant] = new QuadrantTally(Count(name), Math.Round(Get($"q:{quadrant}:revenue"), 2));
            }
            else if (name.StartsWith("tp:", StringComparison.Ordinal) && name.EndsWith(":active", StringComparison.Ordinal))
            {
                var touchpoint = name[3..^7];
                touchpoints[touchpoint] = Impact(touchpoint);
            }
        }

        foreach (var name in counters.Keys.Where(n => n.StartsWith("tp:", StringComparison.Ordinal) && n.EndsWith(":disrupted", StringComparison.Ordinal)))
        {
            var touchpoint = name[3..^10];
            touchpoints.TryAdd(touchpoint, Impact(touchpoint));
        }

        var signals = Count("detractorSignals");
        var knownFirst = Count("knownFirst");
        var fleet = new FleetCounts(Count("known"), Count("active"), Count("disrupted"), Math.Round(Get("revenueDisrupted"), 2))
        {
            Quadrants = quadrants,
            KnewFirst = new KnewFirstView(signals, knownFirst, signals == 0 ? null : (double)knownFirst / signals, knownFirst == 0 ? null : Get("leadSeconds") / knownFirst),
        };
        return new FleetTotals(fleet, touchpoints);

        CustomerImpact Impact(string touchpoint) =>
            new(Count($"tp:{touchpoint}:active"), Count($"tp:{touchpoint}:disrupted"), Math.Round(Get($"tp:{touchpoint}:revenueDisrupted"), 2))
            {
                RevenueActive = Math.Round(Get($"tp:{touchpoint}:revenueActive"), 2),
            };
    }

    /// <summary>The median annual revenue of the customers whose revenue is known (0 when none is): SCORING.md 5's default line.</summary>
    public async Task<double> MedianRevenue()
    {
        var count = await index.Count(Name, "revenueKnown");
        if (count == 0)
        {
            return 0;
        }

        var upper = await index.ValueAt(Name, "revenueKnown", count / 2) ?? 0;
        return count % 2 == 1 ? upper : ((await index.ValueAt(Name, "revenueKnown", (count / 2) - 1) ?? upper) + upper) / 2;
    }

    /// <summary>The silos (their keys) that hold live customers according to the index.</summary>
    public async Task<IReadOnlyList<string>> SilosWithLiveCustomers() =>
        [.. (await index.TagsStartingWith(Name, SiloTag)).Select(t => t[SiloTag.Length..])];

    /// <summary>A page of the ids of the live customers the index places on <paramref name="silo"/>.</summary>
    public async Task<IReadOnlyList<string>> LiveOn(string silo, int limit) =>
        [.. (await index.Query(Name, new IndexQuery { Tags = [SiloTag + silo], Sort = "id", Limit = limit })).Rows.Select(r => r.Id)];

    private static void Add(Dictionary<string, double> counters, string name, double value) =>
        counters[name] = counters.GetValueOrDefault(name) + value;
}
