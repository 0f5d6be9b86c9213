using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxLive.Api.Tests.Infrastructure;
using Google.Protobuf;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CxLive.Api.Tests.Otlp;

public sealed class OtlpTraceEndpointTests(CxLiveApiFactory factory) : IClassFixture<CxLiveApiFactory>
{
    private static readonly TimeSpan VerdictTimeout = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client = factory.CreateClient(CxLiveApiFactory.AdminKey);

    [Fact]
    public async Task Spans_from_the_OpenTelemetry_SDK_exporter_are_answered_in_protobuf_and_disrupt_a_failing_customer()
    {
        var customer = "otel-" + Guid.NewGuid().ToString("N")[..8];
        using var source = new ActivitySource("CxLive.Tests.Shop." + customer);
        var answers = new RecordingHandler(factory.Server.CreateHandler());
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("shop").AddAttributes([new("cx.customer.id", customer)]))
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = new Uri(factory.Server.BaseAddress, "/v1/traces");
                o.Headers = $"X-Api-Key={CxLiveApiFactory.AdminKey}";
                o.HttpClientFactory = () => new HttpClient(answers);
            })
            .Build())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 40; i++)
            {
                using var activity = source.StartActivity("POST /checkout", ActivityKind.Server, parentContext: default, startTime: now.AddSeconds(-i));
                Assert.NotNull(activity);
                activity.SetTag("http.route", "/checkout/{step}");
                activity.SetTag("http.response.status_code", i < 30 ? 502 : 200);
                activity.SetEndTime((now.AddSeconds(-i) + TimeSpan.FromMilliseconds(80)).UtcDateTime);
            }

            Assert.True(tracing.ForceFlush(10_000), "the exporter flushed within 10 s");
        }

        var answer = Assert.Single(answers.Answers);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/x-protobuf", answer.ContentType);
        Assert.Empty(answer.Body); // full success: an empty ExportTraceServiceResponse

        var document = await Eventually.Until(
            () => CustomerDocument(customer),
            d => d is { } doc && doc.GetProperty("touchpoints").EnumerateArray().Any(t => t.GetProperty("disrupted").GetBoolean()),
            VerdictTimeout,
            $"{customer} disrupted on checkout.step from 30 failing spans of 40");
        var row = Assert.Single(document!.Value.GetProperty("touchpoints").EnumerateArray());
        Assert.Equal("checkout.step", row.GetProperty("touchpoint").GetString());
        Assert.Equal(40, row.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task A_json_export_is_answered_in_json_with_partial_success_counting_dropped_and_rejected_spans()
    {
        var customer = "json-" + Guid.NewGuid().ToString("N")[..8];
        var request = new OtlpTraceRequest()
            .Resource(("service.name", "api"))
            .Span("GET /search", DateTimeOffset.UtcNow, 30, attributes: ("enduser.id", customer))
            .Span("GET /search", DateTimeOffset.UtcNow, 30)
            .Span("GET /search", DateTimeOffset.UtcNow, 30, attributes: ("cx.customer.id", "not valid!"));
        using var content = new ByteArrayContent(request.ToJson());
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var partial = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partialSuccess");
        Assert.Equal(2, partial.GetProperty("rejectedSpans").GetInt64());
        var message = partial.GetProperty("errorMessage").GetString();
        Assert.Contains("1 span had no customer attribute", message, StringComparison.Ordinal);
        Assert.Contains("span 2: the customer id in attribute 'cx.customer.id'", message, StringComparison.Ordinal);
        await Eventually.Until(() => CustomerDocument(customer), d => d is not null, VerdictTimeout, $"{customer} known from its one good span");
    }

    [Fact]
    public async Task A_gzipped_protobuf_export_with_a_dropped_span_gets_a_protobuf_partial_success()
    {
        var request = new OtlpTraceRequest()
            .Span("GET /", DateTimeOffset.UtcNow, 5, attributes: ("cx.customer.id", "gz-" + Guid.NewGuid().ToString("N")[..8]))
            .Span("GET /", DateTimeOffset.UtcNow, 5);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(request.ToProtobuf());
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await _client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var (rejected, message) = ReadPartialSuccess(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, rejected);
        Assert.Contains("no customer attribute", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undecodable_bodies_are_400_other_media_types_415_and_oversized_bodies_413_as_problem_details()
    {
        using var broken = new ByteArrayContent([0x0A, 0x7F, 0x01]);
        broken.Headers.ContentType = new("application/x-protobuf");
        var protobuf = await ProblemAssert.IsProblem(await _client.PostAsync("/v1/traces", broken), HttpStatusCode.BadRequest);
        Assert.Contains("runs past the end", protobuf.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var notJson = new StringContent("{\"resourceSpans\": [", Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblem(await _client.PostAsync("/v1/traces", notJson), HttpStatusCode.BadRequest);

        using var wrongShape = new StringContent("{\"resourceSpans\": {\"resource\": 1}}", Encoding.UTF8, "application/json");
        var shape = await ProblemAssert.IsProblem(await _client.PostAsync("/v1/traces", wrongShape), HttpStatusCode.BadRequest);
        Assert.Contains("'resourceSpans' must be an array", shape.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var text = new StringContent("spans", Encoding.UTF8, "text/plain");
        await ProblemAssert.IsProblem(await _client.PostAsync("/v1/traces", text), HttpStatusCode.UnsupportedMediaType);

        using var large = new ByteArrayContent(new byte[CxLiveApiFactory.MaxBodyBytes + 1]);
        large.Headers.ContentType = new("application/x-protobuf");
        await ProblemAssert.IsProblem(await _client.PostAsync("/v1/traces", large), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_key_without_the_ingest_scope_is_refused()
    {
        var created = await (await _client.PostAsJsonAsync("/api/v1/keys", new { name = "otlp-reader", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonElement>();
        using var content = new ByteArrayContent(new OtlpTraceRequest().ToProtobuf());
        content.Headers.ContentType = new("application/x-protobuf");

        var response = await factory.CreateClient(created.GetProperty("key").GetString()).PostAsync("/v1/traces", content);

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await factory.CreateClient(key: null).PostAsync("/v1/traces", content), HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement?> CustomerDocument(string customer)
    {
        var response = await _client.GetAsync($"/api/v1/customers/{customer}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>ExportTraceServiceResponse: partial_success (1) { rejected_spans (1), error_message (2) }.</summary>
    private static (long Rejected, string Message) ReadPartialSuccess(byte[] body)
    {
        var response = new CodedInputStream(body);
        Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited), response.ReadTag());
        var partial = new CodedInputStream(response.ReadBytes().ToByteArray());
        long rejected = 0;
        var message = "";
        for (var tag = partial.ReadTag(); tag != 0; tag = partial.ReadTag())
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    rejected = partial.ReadInt64();
                    break;
                case 2:
                    message = partial.ReadString();
                    break;
                default:
                    partial.SkipLastField();
                    break;
            }
        }

        return (rejected, message);
    }

    /// <summary>
    /// Hands the exporter's requests to the in-memory server and keeps each answer. The SDK sends synchronously
    /// (<see cref="HttpClient.Send(HttpRequestMessage)"/>), which the test server's handler does not implement.
    /// </summary>
    private sealed class RecordingHandler(HttpMessageHandler server) : DelegatingHandler(server)
    {
        public List<(HttpStatusCode Status, string? ContentType, byte[] Body)> Answers { get; } = [];

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            SendAsync(request, cancellationToken).GetAwaiter().GetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            lock (Answers)
            {
                Answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, body));
            }

            return response;
        }
    }
}
