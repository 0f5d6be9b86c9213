using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests;

public sealed class TelemetryIngestTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private static readonly TimeSpan VerdictTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task A_batch_with_bad_events_accepts_the_good_ones_and_names_each_bad_one()
    {
        var now = DateTimeOffset.UtcNow;
        var events = new object[]
        {
            TelemetryEvents.Raw("acme", "checkout", now, 120, true),
            new { customerId = "bad id", touchpoint = "checkout", timestamp = now, latencyMs = 1, success = true },
            new { touchpoint = "checkout", timestamp = now, latencyMs = 1, success = true },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now, latencyMs = -5, success = true },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now.AddMinutes(10), latencyMs = 1, success = true },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now.AddHours(-2), latencyMs = 1, success = true },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now, count = 10, errors = 11 },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now, latencyMs = "fast", success = true },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now, count = 50, errors = 2, slow = 3 },
            new { customerId = "acme", touchpoint = "checkout", timestamp = now, latencyMs = 10 },
        };

        var result = await TelemetryEvents.PostAsync(_client, events);

        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        var rejected = result.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("error").GetString()!);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9], rejected.Keys.Order());
        Assert.Contains("customerId", rejected[1], StringComparison.Ordinal);
        Assert.Contains("'customerId' is required", rejected[2], StringComparison.Ordinal);
        Assert.Contains("latencyMs", rejected[3], StringComparison.Ordinal);
        Assert.Contains("future", rejected[4], StringComparison.Ordinal);
        Assert.Contains("older", rejected[5], StringComparison.Ordinal);
        Assert.Contains("errors", rejected[6], StringComparison.Ordinal);
        Assert.Contains("must be a number", rejected[7], StringComparison.Ordinal);
        Assert.Contains("success", rejected[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_rejects_only_the_broken_line()
    {
        var now = DateTimeOffset.UtcNow.UtcDateTime.ToString("O");
        var body = $"{{\"customerId\":\"n1\",\"touchpoint\":\"login\",\"timestamp\":\"{now}\",\"latencyMs\":5,\"success\":true}}\n" +
                   "{\"customerId\":\"n1\",\"touch\n\n" +
                   $"{{\"customerId\":\"n1\",\"touchpoint\":\"login\",\"timestamp\":\"{now}\",\"latencyMs\":7,\"success\":false}}\n";
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");

        var response = await _client.PostAsync("/api/v1/telemetry", content);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(result.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task A_gzipped_body_is_read_and_a_body_that_is_not_json_is_400()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new[] { TelemetryEvents.Raw("gz", "login", DateTimeOffset.UtcNow, 10, true) });
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(json);
        }

        using var gzipped = new ByteArrayContent(compressed.ToArray());
        gzipped.Headers.ContentType = new("application/json");
        gzipped.Headers.ContentEncoding.Add("gzip");
        var accepted = await _client.PostAsync("/api/v1/telemetry", gzipped);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        using var broken = new StringContent("[{\"customerId\": ", Encoding.UTF8, "application/json");
        var problem = await ProblemAssert.IsProblem(await _client.PostAsync("/api/v1/telemetry", broken), HttpStatusCode.BadRequest);
        Assert.Contains("line 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var xml = new StringContent("<events/>", Encoding.UTF8, "application/xml");
        await ProblemAssert.IsProblem(await _client.PostAsync("/api/v1/telemetry", xml), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_gzip_body_that_inflates_past_the_limit_is_413()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(new byte[CxLiveApiFactory.MaxBodyBytes * 4]);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var problem = await ProblemAssert.IsProblem(await _client.PostAsync("/api/v1/telemetry", content), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("after decompression", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sender_key_without_the_ingest_scope_is_refused()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/keys", new { name = "reader", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonElement>();
        var reader = factory.CreateClient(created.GetProperty("key").GetString());

        var response = await reader.PostAsJsonAsync("/api/v1/telemetry", new[] { TelemetryEvents.Raw("x", "login", DateTimeOffset.UtcNow, 1, true) });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failing_customer_is_listed_as_disrupted_and_a_hub_subscriber_gets_customer_changed()
    {
        var customer = "hub-" + Guid.NewGuid().ToString("N")[..8];
        await factory.WaitUntilReadyAsync();
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        var disrupted = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("customerChanged", document =>
        {
            if (document.GetProperty("customerId").GetString() == customer &&
                document.GetProperty("touchpoints").EnumerateArray().Any(t => t.GetProperty("disrupted").GetBoolean()))
            {
                disrupted.TrySetResult(document);
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeCustomer", customer);

        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 30));

        var listed = await Eventually.Until(
            () => _client.GetFromJsonAsync<JsonElement>("/api/v1/customers?disrupted=true&limit=5000"),
            list => list.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("customerId").GetString() == customer),
            VerdictTimeout,
            $"{customer} listed as disrupted");
        Assert.True(listed.GetProperty("total").GetInt32() >= 1);
        var pushed = await disrupted.Task.WaitAsync(VerdictTimeout);
        Assert.Equal("checkout", pushed.GetProperty("touchpoints")[0].GetProperty("touchpoint").GetString());
    }

    [Fact]
    public async Task A_subscriber_to_all_customers_hears_a_customer_it_never_named_once()
    {
        var customer = "fleet-" + Guid.NewGuid().ToString("N")[..8];
        await factory.WaitUntilReadyAsync();
        await using var hub = factory.CreateHubConnection(CxLiveApiFactory.AdminKey);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("customerChanged", document =>
        {
            if (document.GetProperty("customerId").GetString() == customer &&
                document.GetProperty("touchpoints").EnumerateArray().Any(t => t.GetProperty("disrupted").GetBoolean()))
            {
                heard.TrySetResult();
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeCustomers");

        await TelemetryEvents.PostAsync(_client, TelemetryEvents.LastMinute(customer, "checkout", total: 60, errors: 30));

        await heard.Task.WaitAsync(VerdictTimeout);
        await hub.InvokeAsync("UnsubscribeCustomers");
    }

    [Fact]
    public async Task The_customers_list_validates_its_query()
    {
        var response = await _client.GetAsync("/api/v1/customers?sort=shoe-size&limit=0&quadrant=happy");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("quadrant", out _));
    }
}
