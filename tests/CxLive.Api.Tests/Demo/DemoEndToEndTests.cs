using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Demo;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Demo;

public sealed class DemoEndToEndTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private const int Seed = 11;
    private const int Customers = 300;
    private const int EventsPerSecond = 1500;
    private const int FirstAfter = 2;
    private const int Duration = 60;

    [Fact]
    public async Task The_demo_shows_a_hidden_disruption_of_exactly_the_incident_customers()
    {
        await using var demo = factory.WithWebHostBuilder(b => b
            .UseSetting("Demo:Enabled", "true")
            .UseSetting("Demo:Seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Demo:Customers", Customers.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Demo:EventsPerSecond", EventsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Demo:FirstIncidentAfterSeconds", FirstAfter.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Demo:IncidentEverySeconds", "3600")
            .UseSetting("Demo:IncidentSeconds", Duration.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Storage:SyncEveryCommit", "false"));
        var client = demo.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", CxLiveApiFactory.AdminKey);
        var fleet = DemoFleet.Generate(Seed, Customers, EventsPerSecond);
        var incident = new DemoScenario(fleet, Seed, FirstAfter, 3600, Duration, longWindowSeconds: 600).Incident(0)!;
        var expected = incident.Customers.Select(c => fleet.Customers[c].Id).ToHashSet(StringComparer.Ordinal);
        var touchpoint = fleet.Touchpoints[incident.Touchpoint].Id;

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        JsonElement hidden = default;
        string[] disrupted = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            var overview = await client.GetFromJsonAsync<JsonElement>("/api/v1/overview");
            hidden = overview.GetProperty("hiddenDisruptions");
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?disrupted=true&limit=100");
            disrupted = [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customerId").GetString()!)];
            if (hidden.GetArrayLength() > 0 && disrupted.Length >= expected.Count / 2)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(disrupted.Length > 0, $"no customer was disrupted within 30 s of the demo's start (expected those of incident 0 on {touchpoint})");
        Assert.Subset(expected, disrupted.ToHashSet(StringComparer.Ordinal));
        Assert.Contains(hidden.EnumerateArray(), h => h.GetProperty("touchpoint").GetString() == touchpoint);
    }
}
