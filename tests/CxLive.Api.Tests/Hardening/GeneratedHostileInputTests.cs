using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using CxLive.Api.Tests.Infrastructure;

namespace CxLive.Api.Tests.Hardening;

/// <summary>
/// Issue 12's acceptance, as an attacker would try it: 10,000 generated requests over every route (JSON, NDJSON,
/// gzip, OTLP protobuf and JSON; hostile ids, numbers, times, strings, encodings and content types) against the api
/// in Production mode over real Kestrel. Every answer is 2xx or 4xx, a refusal is a ProblemDetails, the process
/// stays up and ready, and what was accepted before the run is still there after it.
/// </summary>
public sealed class GeneratedHostileInputTests
{
    private const string Key = "hostile-admin-key-0123456789";
    private const int Requests = 10_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_no_crash_and_lose_nothing()
    {
        using var data = new TempDirectory();
        await using var api = CxLiveProcess.StartApi(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = data.Path,
            ["Auth__BootstrapKey"] = Key,
            ["Cluster__ServiceId"] = "hostile-" + Guid.NewGuid().ToString("N"),
            ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["RateLimits__ReadRequestsPerSecond"] = "1000000", // the answers under test, not the limiter's 429s
            ["RateLimits__IngestRequestsPerSecond"] = "1000000",
        });
        await api.WaitUntilReadyAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        // Accepted before the run: a profile and a feedback item under ids the generator never makes ("keep-").
        (await client.PutAsJsonAsync("/api/v1/customers/keep-acme", new { name = "Keep Acme", annualRevenue = 90_000, accountManager = "keep-am" })).EnsureSuccessStatusCode();
        var feedback = new[] { new { id = "keep-f1", customerId = "keep-acme", timestamp = DateTimeOffset.UtcNow, kind = "complaint", comment = "kept" } };
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/feedback", feedback)).StatusCode);

        var statuses = new ConcurrentDictionary<int, int>();
        await HostileRequest.Any.SampleAsync(
            async hostile =>
            {
                using var request = hostile.ToMessage(Key);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(status < 500, $"{hostile} answered {status}: {body[..Math.Min(body.Length, 300)]}");
                if (status >= 400 && body.Length > 0)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            },
            iter: Requests,
            threads: 4);

        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300) && statuses.Keys.Count(s => s >= 400) > 3, $"too narrow a spread: {string.Join(", ", statuses)}");
        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(10)); // alive and ready
        var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers/keep-acme");
        Assert.Equal("Keep Acme", document.GetProperty("profile").GetProperty("name").GetString());
        Assert.Contains(document.GetProperty("recentFeedback").EnumerateArray(), f => f.GetProperty("id").GetString() == "keep-f1");
    }

    /// <summary>One generated request: a route, its body bytes and the headers that describe (or misdescribe) them.</summary>
    private sealed record HostileRequest(string Method, string Path, byte[] Body, string? ContentType, string? ContentEncoding, bool WithKey)
    {
        private static readonly string[] Fields =
        [
            "customerId", "touchpoint", "timestamp", "latencyMs", "success", "count", "errors", "slow", "id", "kind", "score",
            "comment", "channel", "program", "name", "annualRevenue", "potentialRevenue", "accountManager", "tags", "scopes",
            "accountManagers", "endsAt", "reason", "note", "sloTarget", "latencyThresholdMs", "weight", "journeyOrder", "resourceSpans",
        ];

        private static readonly Gen<string> HostileText = Gen.OneOf(
            Gen.Const("c1"), Gen.Const("checkout"), Gen.Const("nps"), Gen.Const("complaint"), Gen.Const("read"), Gen.Const("disrupted"),
            Gen.Const("\\ud800"), Gen.Const("\\udc00x"), Gen.Const("a\\u0000b"), Gen.Const("../../etc/passwd"), Gen.Const("<script>"),
            Gen.Const("0001-01-01T00:00:00Z"), Gen.Const("9999-12-31T23:59:59.9999999+00:00"), Gen.Const("NaN"), Gen.Const("Infinity"),
            Gen.Const(new string('x', 5000)), Gen.Const("ünïcödé-😀"), Gen.Const(""), Gen.Const(" "),
            Gen.Int[-100, 100].Select(m => DateTimeOffset.UtcNow.AddMinutes(m).ToString("O", CultureInfo.InvariantCulture)),
            Gen.String[0, 40].Select(s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)));

        private static readonly Gen<string> HostileNumber = Gen.OneOf(
            Gen.Const("0"), Gen.Const("-1"), Gen.Const("1e300"), Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("2147483647"),
            Gen.Const("2147483648"), Gen.Const("9223372036854775808"), Gen.Const("0.5"), Gen.Const("NaN"), Gen.Const("-0"), Gen.Const("1e-400"),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1"));

        private static readonly Gen<string> Atom = Gen.Frequency(
            (4, HostileText.Select(t => $"\"{t}\"")), (3, HostileNumber), (1, Gen.Const("true")), (1, Gen.Const("false")), (1, Gen.Const("null")));

        private static Gen<string> Value(int depth) => depth == 0
            ? Atom
            : Gen.Frequency(
                (5, Atom),
                (3, Object(depth - 1)),
                (1, Value(depth - 1).Array[0, 4].Select(items => $"[{string.Join(",", items)}]")));

        private static Gen<string> Object(int depth) =>
            Gen.Select(Gen.Int[0, Fields.Length - 1].Select(i => Fields[i]).Array[0, 8], Value(depth).Array[8])
                .Select((names, values) => "{" + string.Join(",", names.Select((n, i) => $"\"{n}\":{values[i]}")) + "}");

        /// <summary>A body: JSON (an object, an array of them, or any value), NDJSON, broken JSON, or bytes that are no text at all.</summary>
        private static readonly Gen<byte[]> Bodies = Gen.Frequency(
            (5, Object(2).Array[1, 6].Select(items => Encoding.UTF8.GetBytes($"[{string.Join(",", items)}]"))),
            (3, Object(2).Select(o => Encoding.UTF8.GetBytes(o))),
            (2, Object(1).Array[1, 6].Select(items => Encoding.UTF8.GetBytes(string.Join("\n", items)))),
            (1, Value(3).Select(v => Encoding.UTF8.GetBytes(v))),
            (1, Object(2).Select(o => Encoding.UTF8.GetBytes(o[..(o.Length / 2)]))),
            (1, Gen.Byte.Array[0, 200]),
            (1, Gen.Const(Encoding.UTF8.GetBytes(new string('[', 3000) + new string(']', 3000)))),
            (1, Gen.Const<byte[]>([.. "[{\"customerId\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"touchpoint\":\"t\",\"latencyMs\":1,\"success\":true}]"u8])),
            (1, Gen.Byte.Array[0, 64].Select(tail => (byte[])[0x0A, 0x05, 0x0A, 0x03, 0x0A, 0x01, 0x7F, .. tail])));

        private static readonly Gen<string> Id = Gen.OneOf(
            Gen.Const("c1"), Gen.Const("checkout"), Gen.Const("c1:disrupted:1"), Gen.Const("%2e%2e"), Gen.Const("a%00b"), Gen.Const(new string('i', 300)),
            Gen.Const("%F0%9F%98%80"), Gen.Const("%ZZ"), Gen.Char['a', 'z'].Array[1, 10].Select(c => "h" + new string(c)));

        private static readonly Gen<(string Method, string Path)> Route = Gen.OneOf(
            Gen.Const(("POST", "/api/v1/telemetry")), Gen.Const(("POST", "/v1/traces")), Gen.Const(("POST", "/api/v1/feedback")),
            Id.Select(id => ("PUT", $"/api/v1/customers/{id}")), Id.Select(id => ("GET", $"/api/v1/customers/{id}")),
            Id.Select(id => ("PUT", $"/api/v1/touchpoints/{id}")), Id.Select(id => ("GET", $"/api/v1/touchpoints/{id}")),
            Id.Select(id => ("GET", $"/api/v1/alerts/{id}")), Id.Select(id => ("POST", $"/api/v1/alerts/{id}/ack")),
            Id.Select(id => ("POST", $"/api/v1/alerts/{id}/resolve")), Id.Select(id => ("DELETE", $"/api/v1/silences/{id}")),
            Gen.Const(("POST", "/api/v1/silences")), Gen.Const(("POST", "/api/v1/keys")), Id.Select(id => ("DELETE", $"/api/v1/keys/{id}")),
            HostileText.Select(q => ("GET", $"/api/v1/customers?sort={Uri.EscapeDataString(q)}&limit={q.Length - 3}&quadrant={Uri.EscapeDataString(q)}")),
            HostileText.Select(q => ("GET", $"/api/v1/alerts?state={Uri.EscapeDataString(q)}&limit={q.Length}&accountManager={Uri.EscapeDataString(q)}")),
            Gen.Const(("GET", "/api/v1/overview")), Gen.Const(("GET", "/api/v1/scorecard")), Gen.Const(("GET", "/api/v1/me")),
            Gen.Const(("GET", "/api/v1/silences?all=maybe")), Gen.Const(("GET", "/api/v1/webhooks/dead-letters")), Gen.Const(("POST", "/api/v1/admin/memory")));

        private static readonly Gen<string?> ContentTypes = Gen.Frequency(
            (6, Gen.Const<string?>("application/json")), (2, Gen.Const<string?>("application/x-ndjson")), (2, Gen.Const<string?>("application/x-protobuf")),
            (1, Gen.Const<string?>("text/plain")), (1, Gen.Const<string?>("application/json; charset=utf-16")), (1, Gen.Const<string?>((string?)null)),
            (1, Gen.Const<string?>("multipart/form-data; boundary=x")));

        public static readonly Gen<HostileRequest> Any =
            Gen.Select(Route, Bodies, ContentTypes, Gen.Frequency((6, Gen.Const<string?>((string?)null)), (3, Gen.Const<string?>("gzip")), (1, Gen.Const<string?>("br"))), Gen.Int[0, 19])
                .Select((route, body, type, encoding, roll) => new HostileRequest(route.Method, route.Path, body, type, encoding, WithKey: roll != 0));

        public HttpRequestMessage ToMessage(string key)
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (WithKey)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                message.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-key");
            }

            if (Method is "GET" or "DELETE")
            {
                return message;
            }

            var bytes = ContentEncoding == "gzip" && Body.Length % 3 != 0 ? Gzip(Body) : Body; // a third claim gzip and are not
            var content = new ByteArrayContent(bytes);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            if (ContentEncoding is not null)
            {
                content.Headers.ContentEncoding.Add(ContentEncoding);
            }

            message.Content = content;
            return message;
        }

        public override string ToString() =>
            $"{Method} {Path} ({ContentType ?? "no type"}, {ContentEncoding ?? "identity"}, {Body.Length} bytes: {System.Text.Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 160)])})";

        private static byte[] Gzip(byte[] body)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                gzip.Write(body);
            }

            return output.ToArray();
        }
    }
}
