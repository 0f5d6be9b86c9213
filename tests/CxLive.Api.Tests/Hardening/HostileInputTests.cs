using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Hardening;

/// <summary>
/// Inputs an attacker or a careless sender writes, each answered 4xx with a ProblemDetails body naming what was wrong:
/// never 5xx. These are the ones found
/// by hand, kept as named cases.
/// </summary>
public sealed class HostileInputTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "lone surrogate in telemetry", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"\ud800","latencyMs":1,"success":true}]""" },
        { "lone surrogate in a telemetry id", "POST", "/api/v1/telemetry", """[{"customerId":"\udc00x","touchpoint":"t","latencyMs":1,"success":true}]""" },
        { "lone surrogate in feedback", "POST", "/api/v1/feedback", """[{"id":"f\ud800","customerId":"c1","timestamp":"2026-01-01T00:00:00Z","kind":"complaint","comment":"\ud800"}]""" },
        { "lone surrogate in a profile", "PUT", "/api/v1/customers/c1", """{"name":"\ud800"}""" },
        { "lone surrogate in a definition", "PUT", "/api/v1/touchpoints/t1", """{"owner":"\ud800"}""" },
        { "lone surrogate in a key name", "POST", "/api/v1/keys", """{"name":"\ud800","scopes":["read"]}""" },
        { "lone surrogate in a silence", "POST", "/api/v1/silences", """{"customerId":"c1","comment":"\ud800","endsAt":"2999-01-01T00:00:00Z"}""" },
        { "complaint from year 1", "POST", "/api/v1/feedback", """[{"id":"y1","customerId":"c1","timestamp":"0001-01-01T00:00:00Z","kind":"complaint"}]""" },
        { "telemetry from year 1", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","timestamp":"0001-01-01T00:00:00Z","latencyMs":1,"success":true}]""" },
        { "telemetry from year 9999", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","timestamp":"9999-12-31T23:59:59Z","latencyMs":1,"success":true}]""" },
        { "revenue 1e300", "PUT", "/api/v1/customers/c1", """{"annualRevenue":1e300}""" },
        { "revenue 1e400", "PUT", "/api/v1/customers/c1", """{"annualRevenue":1e400}""" },
        { "count near int.MaxValue", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","latencyMs":1,"count":2147483647,"errors":2147483647}]""" },
        { "count past int.MaxValue", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","latencyMs":1,"count":2147483648}]""" },
        { "latency NaN literal", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","latencyMs":NaN}]""" },
        { "latency 1e308", "POST", "/api/v1/telemetry", """[{"customerId":"c1","touchpoint":"t","latencyMs":1e308,"success":true}]""" },
        { "silence ending in year 10000", "POST", "/api/v1/silences", """{"customerId":"c1","endsAt":"9999-12-31T23:59:59.9999999+00:00"}""" },
        { "silence with a far past end", "POST", "/api/v1/silences", """{"customerId":"c1","endsAt":"0001-01-01T00:00:00+14:00"}""" },
        { "score NaN as a string", "POST", "/api/v1/feedback", """[{"id":"n1","customerId":"c1","timestamp":"2026-01-01T00:00:00Z","kind":"nps","score":"NaN"}]""" },
        { "deep nesting", "POST", "/api/v1/telemetry", new string('[', 5000) + new string(']', 5000) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_problem_never_a_server_error(string name, string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await _client.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_management_body_past_its_limit_is_refused_before_binding()
    {
        var tags = Enumerable.Range(0, 2000).Select(i => $"tag-{i:D10}").ToArray(); // ~40 KB
        using var body = new StringContent(JsonSerializer.Serialize(new { name = "Big", tags }), Encoding.UTF8, "application/json");
        using var response = await _client.PutAsync("/api/v1/customers/big-profile", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Ingest:MaxManageBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_item_beside_a_good_one_costs_the_good_one_nothing()
    {
        var customer = $"mixed-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow.ToString("O");
        var body = $$"""[{"id":"good-1","customerId":"{{customer}}","timestamp":"{{now}}","kind":"complaint"},{"id":"bad-1","customerId":"{{customer}}","timestamp":"0001-01-01T00:00:00Z","kind":"complaint"}]""";

        var first = await PostFeedbackAsync(body);
        var again = await PostFeedbackAsync(body);

        Assert.Equal((1, 1, 0), first);
        Assert.Equal((1, 1, 1), again); // the good one was stored (a replay now); the bad one never was
        var document = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}");
        Assert.Equal(["good-1"], document.GetProperty("recentFeedback").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    private async Task<(int Accepted, int Rejected, int Duplicates)> PostFeedbackAsync(string body)
    {
        using var response = await _client.PostAsync("/api/v1/feedback", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("rejected").GetArrayLength(), answer.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_problem_on_every_json_route()
    {
        byte[] invalid = [.. "[{\"customerId\":\""u8, 0xC3, 0x28, .. "\",\"touchpoint\":\"t\",\"latencyMs\":1}]"u8];
        foreach (var (method, path) in new[] { ("POST", "/api/v1/telemetry"), ("POST", "/api/v1/feedback"), ("PUT", "/api/v1/customers/c1"), ("POST", "/api/v1/silences") })
        {
            using var content = new ByteArrayContent(invalid);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                // A batch route answers per item: the one item is refused, nothing is taken.
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
                Assert.Equal(1, answer.GetProperty("rejected").GetArrayLength());
                continue;
            }

            Assert.True(response.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError, $"{method} {path}: {(int)response.StatusCode}");
        }
    }
}
