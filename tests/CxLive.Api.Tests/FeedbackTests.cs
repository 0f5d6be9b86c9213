using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests;

/// <summary>Issue 4 through the public API: feedback, score and explanation, quadrant, scorecard, knew first.</summary>
public sealed class FeedbackTests(FullSizeApiFactory factory) : IClassFixture<FullSizeApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task Healthy_service_but_two_detractors_and_a_complaint_put_a_big_customer_at_risk_and_say_why()
    {
        var id = NewId("atrisk");
        await Profile(id, revenue: 500_000);
        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(id, "login", total: 60, errors: 0));
        await Eventually.Until(() => Document(id), d => d.GetProperty("experienceScore").ValueKind == JsonValueKind.Number, Deadline, "a score from telemetry");

        await PostFeedback(
            Item(id, "nps", score: 2),
            Item(id, "nps", score: 3),
            Item(id, "complaint", comment: "checkout keeps failing"));

        var document = await Eventually.Until(() => Document(id), d => d.GetProperty("quadrant").GetString() == "at-risk", Deadline, "quadrant at-risk");
        Assert.True(document.GetProperty("experienceScore").GetDouble() < 70);
        var explanation = document.GetProperty("explanation").EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToList();
        Assert.Contains(explanation, l => l.Contains("detractor", StringComparison.OrdinalIgnoreCase) || l.Contains("complaint", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, document.GetProperty("feedback").GetProperty("responses").GetInt32());
        Assert.Contains(document.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "quadrant");
    }

    [Fact]
    public async Task The_overview_names_the_quadrant_lines_the_scorer_applies()
    {
        var overview = await _client.GetFromJsonAsync<JsonElement>("/api/v1/overview");

        var lines = overview.GetProperty("quadrantLines");
        Assert.Equal(70, lines.GetProperty("goodScore").GetDouble());
        Assert.Equal(CxLiveApiFactory.RevenueThreshold, lines.GetProperty("revenueThreshold").GetDouble());
    }

    [Fact]
    public async Task A_customer_disrupted_on_checkout_scores_lower_and_the_explanation_names_checkout()
    {
        var id = NewId("disrupted");
        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(id, "checkout", total: 60, errors: 0));
        var before = (await Eventually.Until(() => Document(id), d => d.GetProperty("experienceScore").ValueKind == JsonValueKind.Number, Deadline, "a score"))
            .GetProperty("experienceScore").GetDouble();

        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(id, "checkout", total: 60, errors: 40));
        var after = await Eventually.Until(() => Document(id), d => d.GetProperty("touchpoints")[0].GetProperty("disrupted").GetBoolean(), Deadline, "checkout disrupted");

        Assert.True(after.GetProperty("experienceScore").GetDouble() < before, $"{after.GetProperty("experienceScore")} should be below {before}");
        Assert.Contains(after.GetProperty("explanation").EnumerateArray(), e => e.GetProperty("touchpoint").GetString() == "checkout" && e.GetProperty("points").GetDouble() < 0);
    }

    [Fact]
    public async Task Replaying_the_same_hundred_items_changes_no_count()
    {
        var id = NewId("replay");
        var items = Enumerable.Range(0, 100).Select(i => Item(id, "csat", score: 1 + (i % 5), itemId: $"{id}-{i}")).ToArray();

        var first = await PostFeedback(items);
        var replay = await PostFeedback(items);
        var document = await Document(id);

        Assert.Equal(0, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(100, replay.GetProperty("accepted").GetInt32());
        Assert.Equal(100, replay.GetProperty("duplicates").GetInt32());
        Assert.Equal(100, document.GetProperty("feedback").GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task Bad_items_are_rejected_one_by_one_naming_the_field()
    {
        var id = NewId("bad");
        var result = await PostFeedback(
            Item(id, "nps", score: 11),
            Item(id, "csat", score: 3),
            new { id = "x1", customerId = id, timestamp = DateTimeOffset.UtcNow, kind = "mood" },
            new { id = "x2", customerId = id, timestamp = DateTimeOffset.UtcNow, kind = "comment", comment = new string('a', 4001) },
            new { id = "x3", customerId = id, timestamp = DateTimeOffset.UtcNow, kind = "praise", channel = "pigeon" });

        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        var errors = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("error").GetString()!);
        Assert.Contains("score", errors[0], StringComparison.Ordinal);
        Assert.Contains("kind", errors[2], StringComparison.Ordinal);
        Assert.Contains("comment", errors[3], StringComparison.Ordinal);
        Assert.Contains("channel", errors[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_thirty_seconds_after_the_flag_was_known_first_and_one_from_an_unflagged_customer_was_not()
    {
        var flagged = NewId("known");
        var calm = NewId("calm");
        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(flagged, "checkout", total: 60, errors: 40));
        var disrupted = await Eventually.Until(() => Document(flagged), d => d.GetProperty("touchpoints")[0].GetProperty("disrupted").GetBoolean(), Deadline, "flagged");
        var since = disrupted.GetProperty("touchpoints")[0].GetProperty("disruptedSince").GetDateTimeOffset();

        await PostFeedback(
            Item(flagged, "complaint", at: since.AddSeconds(30), touchpoint: "checkout"),
            Item(calm, "complaint", at: DateTimeOffset.UtcNow));

        var known = (await Document(flagged)).GetProperty("recentFeedback")[0];
        Assert.True(known.GetProperty("knownFirst").GetBoolean());
        Assert.Equal(30, known.GetProperty("leadSeconds").GetDouble(), 1);
        Assert.Contains(known.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("touchpoint").GetString() == "checkout" && e.GetProperty("disrupted").GetBoolean());
        var unknown = (await Document(calm)).GetProperty("recentFeedback")[0];
        Assert.False(unknown.GetProperty("knownFirst").GetBoolean());

        var overview = await Eventually.Until(
            () => _client.GetFromJsonAsync<JsonElement>("/api/v1/overview"),
            o => o.GetProperty("knewFirst").GetProperty("signals").GetInt32() >= 2 && o.GetProperty("knewFirst").GetProperty("knownFirst").GetInt32() >= 1,
            Deadline,
            "the overview counts both complaints, one known first");
        Assert.InRange(overview.GetProperty("knewFirst").GetProperty("rate").GetDouble(), 0.01, 0.99);
    }

    [Fact]
    public async Task The_scorecard_calls_one_percent_disrupted_behind_a_healthy_kpi_a_blind_spot_and_healthy_both_ways_celebrate()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var checkout = $"checkout-{suffix}";
        var login = $"login-{suffix}";
        (await _client.PutAsJsonAsync($"/api/v1/touchpoints/{checkout}", new { name = "Checkout", owner = "payments-partner", journeyOrder = 2, sloTarget = 0.995 })).EnsureSuccessStatusCode();
        (await _client.PutAsJsonAsync($"/api/v1/touchpoints/{login}", new { name = "Login", owner = "identity-team", journeyOrder = 1, sloTarget = 0.995 })).EnsureSuccessStatusCode();

        var events = new List<object>();
        for (var i = 0; i < 100; i++)
        {
            var id = $"sc-{suffix}-{i}";
            events.AddRange(TelemetryEvents.LastMinute(id, checkout, total: 20, errors: i == 0 ? 8 : 0));
            events.AddRange(TelemetryEvents.LastMinute(id, login, total: 20, errors: 0));
        }

        await TelemetryEvents.PostAsync(_client, events.Take(events.Count / 2));
        await TelemetryEvents.PostAsync(_client, events.Skip(events.Count / 2));

        var scorecard = await Eventually.Until(
            () => _client.GetFromJsonAsync<JsonElement>("/api/v1/scorecard"),
            s => Row(s, checkout) is { } row && row.GetProperty("external").GetProperty("disruptedCustomers").GetInt32() == 1
                && row.GetProperty("external").GetProperty("activeCustomers").GetInt32() == 100
                && row.GetProperty("internal").GetProperty("events").GetInt64() == 2000
                && Row(s, login)?.GetProperty("external").GetProperty("activeCustomers").GetInt32() == 100,
            Deadline,
            "both touchpoints counted with 100 active customers, one disrupted on checkout, and all 2,000 checkout events in its KPI");

        var checkoutRow = Row(scorecard, checkout)!.Value;
        Assert.True(checkoutRow.GetProperty("internal").GetProperty("healthy").GetBoolean());
        Assert.Equal("blind-spot", checkoutRow.GetProperty("alignment").GetString());
        Assert.Equal(0.99, checkoutRow.GetProperty("external").GetProperty("shareNotDisrupted").GetDouble(), 6);
        Assert.Equal("payments-partner", checkoutRow.GetProperty("owner").GetString());
        Assert.True(checkoutRow.GetProperty("gap").GetProperty("availabilityMinusShareNotDisrupted").GetDouble() > 0);
        Assert.Equal("celebrate", Row(scorecard, login)!.Value.GetProperty("alignment").GetString());
        var order = scorecard.GetProperty("touchpoints").EnumerateArray().Select(t => t.GetProperty("touchpoint").GetString()).ToList();
        Assert.True(order.IndexOf(login) < order.IndexOf(checkout), "journey order: login (1) before checkout (2)");
    }

    private static JsonElement? Row(JsonElement scorecard, string touchpoint) =>
        scorecard.GetProperty("touchpoints").EnumerateArray().Where(t => t.GetProperty("touchpoint").GetString() == touchpoint).Select(t => (JsonElement?)t).FirstOrDefault();

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static object Item(string customer, string kind, double? score = null, string? comment = null, string? itemId = null, DateTimeOffset? at = null, string? touchpoint = null) => new
    {
        id = itemId ?? Guid.NewGuid().ToString("N"),
        customerId = customer,
        touchpoint,
        timestamp = (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("O"),
        kind,
        score,
        comment,
        channel = "survey",
        program = "transactional",
    };

    private async Task Profile(string id, double revenue) =>
        (await _client.PutAsJsonAsync($"/api/v1/customers/{id}", new { name = id, annualRevenue = revenue, accountManager = "dana" })).EnsureSuccessStatusCode();

    private async Task<JsonElement> PostFeedback(params object[] items)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/feedback", items, new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The customer document; an empty object while the customer is not known yet (telemetry is flushed every 200 ms).</summary>
    private async Task<JsonElement> Document(string id)
    {
        var response = await _client.GetAsync($"/api/v1/customers/{id}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? JsonDocument.Parse("{\"experienceScore\":null,\"quadrant\":null,\"touchpoints\":[{\"disrupted\":false}]}").RootElement
            : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
