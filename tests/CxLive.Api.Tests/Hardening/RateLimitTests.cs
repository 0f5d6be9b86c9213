using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxLive.Api.Tests.Hardening;

/// <summary>The api with tight per-key limits, so a test reaches them: 5 reads/s, 100 events/s, one second of burst.</summary>
public sealed class LimitedApiFactory : CxLiveApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:ReadRequestsPerSecond", "5");
        builder.UseSetting("RateLimits:IngestEventsPerSecond", "100");
        builder.UseSetting("RateLimits:BurstSeconds", "1");
    }
}

/// <summary>Issue 12's limits per key: token buckets partitioned by key, 429 with Retry-After, (a stalled body is ProcessTests', over real Kestrel).</summary>
public sealed class RateLimitTests(LimitedApiFactory factory) : IClassFixture<LimitedApiFactory>
{
    [Fact]
    public async Task A_key_past_its_read_rate_gets_429_with_Retry_After_while_another_key_reads_on()
    {
        var hasty = factory.CreateClient(await CreateKeyAsync("read"));
        var patient = factory.CreateClient(await CreateKeyAsync("read"));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await hasty.GetAsync("/api/v1/overview"));
        }

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 5, 7); // 5 tokens, perhaps one or two more refilled while these ran
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Contains("RateLimits:ReadRequestsPerSecond", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/api/v1/overview")).StatusCode);
    }

    [Fact]
    public async Task A_batch_past_the_key_s_event_rate_is_refused_whole_with_429_and_one_past_its_burst_with_413()
    {
        var sender = factory.CreateClient(await CreateKeyAsync("ingest"));
        var now = DateTimeOffset.UtcNow;
        object Event(int i) => new { customerId = $"rate-{i % 5}", touchpoint = "login", timestamp = now, latencyMs = 20, success = true };

        var fits = await sender.PostAsJsonAsync("/api/v1/telemetry", Enumerable.Range(0, 80).Select(Event).ToList());
        var tooMany = await sender.PostAsJsonAsync("/api/v1/telemetry", Enumerable.Range(0, 80).Select(Event).ToList());
        var neverFits = await sender.PostAsJsonAsync("/api/v1/telemetry", Enumerable.Range(0, 150).Select(Event).ToList());

        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
        Assert.Equal(80, (await fits.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode); // 100 a second: 80 more do not fit yet
        Assert.NotNull(tooMany.Headers.RetryAfter);
        Assert.Contains("RateLimits:IngestEventsPerSecond", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, neverFits.StatusCode);
    }

    private async Task<string> CreateKeyAsync(string scope)
    {
        var admin = factory.CreateClient(CxLiveApiFactory.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/keys", new { name = $"limits-{Guid.NewGuid():N}"[..20], scopes = new[] { scope } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
