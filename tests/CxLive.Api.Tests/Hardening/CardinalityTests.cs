using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Api.Tests.Hardening;

/// <summary>The api with a small fleet cap (1,000 customers, 20 touchpoints): what one ingest key may create.</summary>
public sealed class CappedFleetFactory : CxLiveApiFactory
{
    public const int MaxCustomers = 1_000;
    public const int MaxTouchpoints = 20;

    protected override long BodyLimit => 8L * 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ingest:MaxCustomers", MaxCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:MaxTouchpoints", MaxTouchpoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Issue 12's cardinality lines through the public API: an ingest key cannot grow the fleet past Ingest:MaxCustomers
/// or mint touchpoints past Ingest:MaxTouchpoints, and reading an unknown customer activates nothing.
/// </summary>
public sealed class CardinalityTests(CappedFleetFactory factory) : IClassFixture<CappedFleetFactory>
{
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task Past_the_caps_new_customers_and_touchpoints_are_refused_event_by_event_and_known_ones_keep_sending()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 5_000).Select(i => $"cap-{i:D5}").ToList();

        var first = await PostAsync(ids.Select(id => Event(id, "checkout", now)));

        Assert.Equal(CappedFleetFactory.MaxCustomers, first.GetProperty("accepted").GetInt32());
        Assert.Equal(4_000, first.GetProperty("rejectedCount").GetInt32());
        var reasons = first.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("error").GetString()!).Distinct().ToList();
        Assert.All(reasons, r => Assert.Contains("Ingest:MaxCustomers (1000)", r, StringComparison.Ordinal));

        // The index catches up; still no room for anyone new, while every admitted customer keeps sending.
        await Eventually.Until(
            () => _client.GetFromJsonAsync<JsonElement>("/api/v1/overview"), o => o.GetProperty("customersKnown").GetInt32() == CappedFleetFactory.MaxCustomers,
            TimeSpan.FromSeconds(30), "the index counting the 1,000 admitted customers");
        var accepted = first.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).ToHashSet();
        var admitted = ids.Where((_, i) => !accepted.Contains(i)).Take(1_000).ToList();
        var again = await PostAsync([.. admitted.Select(id => Event(id, "checkout", now)), Event("cap-late-1", "checkout", now), Event("cap-late-2", "checkout", now)]);
        Assert.Equal(1_000, again.GetProperty("accepted").GetInt32());
        Assert.Equal([1_000, 1_001], again.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));

        var profile = await _client.PutAsJsonAsync("/api/v1/customers/cap-by-put", new { name = "One Too Many" });
        Assert.Equal(HttpStatusCode.Conflict, profile.StatusCode);
        Assert.Contains("Ingest:MaxCustomers", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var feedback = await _client.PostAsJsonAsync("/api/v1/feedback", new[] { new { id = "cap-f1", customerId = "cap-by-feedback", timestamp = now, kind = "complaint" } });
        var feedbackAnswer = await feedback.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, feedbackAnswer.GetProperty("accepted").GetInt32());
        Assert.Contains("Ingest:MaxCustomers", feedbackAnswer.GetProperty("rejected")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        // Event (or span) names cannot mint touchpoints past Ingest:MaxTouchpoints either.
        await MintTouchpointsAsync(admitted[0], now);
    }

    private async Task MintTouchpointsAsync(string customer, DateTimeOffset now)
    {
        var answer = await PostAsync(Enumerable.Range(0, 50).Select(i => Event(customer, $"minted-{i:D2}", now)));

        Assert.InRange(answer.GetProperty("accepted").GetInt32(), 1, CappedFleetFactory.MaxTouchpoints);
        var refused = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(50 - answer.GetProperty("accepted").GetInt32(), refused.Count);
        Assert.All(refused, r => Assert.Contains("Ingest:MaxTouchpoints (20)", r.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_UnknownCustomers_Reject_only_customers_created_by_PUT_take_telemetry()
    {
        await using var strict = new CxLiveApiFactory().WithWebHostBuilder(b => b.UseSetting("Ingest:UnknownCustomers", "Reject"));
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", CxLiveApiFactory.AdminKey);
        var now = DateTimeOffset.UtcNow;
        (await client.PutAsJsonAsync("/api/v1/customers/known-co", new { name = "Known Co" })).EnsureSuccessStatusCode();

        using var response = await client.PostAsJsonAsync("/api/v1/telemetry", new[] { Event("known-co", "login", now), Event("stranger-co", "login", now) });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        var refusal = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, refusal.GetProperty("index").GetInt32());
        Assert.Contains("Ingest:UnknownCustomers is Reject", refusal.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_an_unknown_customer_activates_and_stores_nothing()
    {
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        async Task<int> CustomerActivations() =>
            (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.EndsWith("CustomerGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        var before = await CustomerActivations();

        foreach (var i in Enumerable.Range(0, 50))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/customers/nobody-{Guid.NewGuid():N}")).StatusCode);
        }

        Assert.True(await CustomerActivations() <= before, "GETs of unknown ids activated customer grains");
    }

    private static object Event(string customer, string touchpoint, DateTimeOffset at) =>
        new { customerId = customer, touchpoint, timestamp = at, latencyMs = 50, success = true };

    private async Task<JsonElement> PostAsync(IEnumerable<object> events)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/telemetry", events.ToList());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
