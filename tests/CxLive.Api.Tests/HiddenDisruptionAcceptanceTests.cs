using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests;

/// <summary>
/// Issue 3's acceptance, through the public API: 2,000 customers x 6 touchpoints, all healthy but 20 customers
/// failing 40% of their checkouts and 10 waiting 4x the threshold on search. Within 20 s exactly those 30 are
/// disrupted, both touchpoints look healthy inside and report the hidden disruption with the right counts and revenue.
/// </summary>
public sealed class HiddenDisruptionAcceptanceTests(FullSizeApiFactory factory) : IClassFixture<FullSizeApiFactory>
{
    private const int Customers = 2000;
    private const int EventsPerTouchpoint = 15;
    private static readonly string[] Touchpoints = ["login", "search", "product", "cart", "checkout", "api.orders"];
    private static readonly TimeSpan VerdictDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Thirty_disrupted_customers_are_named_while_uptime_looks_fine()
    {
        var client = factory.CreateClient(CxLiveApiFactory.AdminKey);
        await factory.WaitUntilReadyAsync();
        for (var i = 0; i < Touchpoints.Length; i++)
        {
            var defined = await client.PutAsJsonAsync($"/api/v1/touchpoints/{Touchpoints[i]}", new { name = Touchpoints[i], journeyOrder = i + 1, latencyThresholdMs = 500, sloTarget = 0.995 });
            defined.EnsureSuccessStatusCode();
        }

        var revenue = Enumerable.Range(0, Customers).ToDictionary(Id, i => 10_000.0 + (i * 37 % 500) * 1000);
        await Parallel.ForEachAsync(Enumerable.Range(0, Customers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            (await client.PutAsJsonAsync($"/api/v1/customers/{Id(i)}", new { name = $"Customer {i}", annualRevenue = revenue[Id(i)], accountManager = $"am{i % 20}" }, ct)).EnsureSuccessStatusCode());

        var failingCheckout = Enumerable.Range(0, 20).Select(i => Id(i * 97 % Customers)).ToHashSet();
        var slowSearch = Enumerable.Range(0, 10).Select(i => Id((i * 89 + 1500) % Customers)).Where(id => !failingCheckout.Contains(id)).ToHashSet();
        Assert.Equal(10, slowSearch.Count);

        var events = new List<object>(Customers * Touchpoints.Length * EventsPerTouchpoint);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Customers; i++)
        {
            var id = Id(i);
            foreach (var touchpoint in Touchpoints)
            {
                for (var k = 0; k < EventsPerTouchpoint; k++)
                {
                    var failed = touchpoint == "checkout" && failingCheckout.Contains(id) && k % 5 < 2; // 40%
                    var latency = touchpoint == "search" && slowSearch.Contains(id) ? 2000 : 80 + (k * 7 % 60);
                    events.Add(TelemetryEvents.Raw(id, touchpoint, now.AddSeconds(-50.0 * k / EventsPerTouchpoint), latency, !failed));
                }
            }
        }

        foreach (var batch in events.Chunk(5000))
        {
            var result = await TelemetryEvents.PostAsync(client, batch);
            Assert.Equal(batch.Length, result.GetProperty("accepted").GetInt32());
        }

        var sinceLastBatch = System.Diagnostics.Stopwatch.StartNew();
        var expected = failingCheckout.Union(slowSearch).Order(StringComparer.Ordinal).ToList();
        var disrupted = await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?disrupted=true&limit=5000"))
                .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetString()!).Order(StringComparer.Ordinal).ToList(),
            ids => ids.SequenceEqual(expected),
            VerdictDeadline,
            $"exactly the 30 injected customers disrupted");
        Assert.Equal(30, disrupted.Count);

        var overview = await Eventually.Until(
            () => client.GetFromJsonAsync<JsonElement>("/api/v1/overview"),
            o => o.GetProperty("hiddenDisruptions").GetArrayLength() == 2 && o.GetProperty("customersDisrupted").GetInt32() == 30
                && o.GetProperty("customersActive").GetInt32() == Customers
                && o.GetProperty("touchpoints").EnumerateArray().All(t => t.GetProperty("customers").GetProperty("active").GetInt32() == Customers),
            VerdictDeadline > sinceLastBatch.Elapsed ? VerdictDeadline - sinceLastBatch.Elapsed : TimeSpan.Zero,
            "checkout and search both reported as hidden disruptions, with all 2,000 customers active everywhere");

        var rows = overview.GetProperty("touchpoints").EnumerateArray().ToDictionary(t => t.GetProperty("touchpoint").GetString()!);
        Assert.Equal(Touchpoints, overview.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("touchpoint").GetString()));
        foreach (var (touchpoint, row) in rows)
        {
            Assert.True(row.GetProperty("internal").GetProperty("healthy").GetBoolean(), $"{touchpoint} should look healthy inside: {row}");
            var flagged = row.GetProperty("customers").GetProperty("disrupted").GetInt32();
            Assert.Equal(touchpoint switch { "checkout" => 20, "search" => 10, _ => 0 }, flagged);
            Assert.Equal(Customers, row.GetProperty("customers").GetProperty("active").GetInt32());
        }

        var hidden = overview.GetProperty("hiddenDisruptions").EnumerateArray().ToDictionary(h => h.GetProperty("touchpoint").GetString()!);
        Assert.Equal(20, hidden["checkout"].GetProperty("customersDisrupted").GetInt32());
        Assert.Equal(failingCheckout.Sum(id => revenue[id]), hidden["checkout"].GetProperty("revenueDisrupted").GetDouble(), 2);
        Assert.Equal(10, hidden["search"].GetProperty("customersDisrupted").GetInt32());
        Assert.Equal(slowSearch.Sum(id => revenue[id]), hidden["search"].GetProperty("revenueDisrupted").GetDouble(), 2);
        Assert.Equal(expected.Sum(id => revenue[id]), overview.GetProperty("revenueDisrupted").GetDouble(), 2);
        Assert.Equal(Customers, overview.GetProperty("customersActive").GetInt32());
    }

    private static string Id(int i) => $"cust-{i:D4}";
}
