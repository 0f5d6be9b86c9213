using BenchmarkDotNet.Attributes;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Benchmarks;

/// <summary>
/// POST /v1/traces without HTTP: decode a 5,000-span protobuf export (50 resources, realistic attributes), map
/// each span to an event, judge and pre-aggregate it. Divide 5,000 by the mean for spans/s on one core.
/// </summary>
[MemoryDiagnoser]
public class OtlpDecodeBenchmarks
{
    private const int Spans = 5000;
    private const int Resources = 50;
    private readonly TelemetryOptions _options = new();
    private readonly TouchpointCatalog _catalog = new();
    private readonly OtlpAttributeKeys _keys = new(Options.Create(new OtlpOptions()));
    private byte[] _protobuf = [];
    private byte[] _json = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        var request = new OtlpTraceRequest();
        for (var r = 0; r < Resources; r++)
        {
            request.Resource(("service.name", $"service-{r % 5}"), ("service.version", "1.4.2"), ("host.name", $"host-{r}"));
            for (var s = 0; s < Spans / Resources; s++)
            {
                var tp = random.Next(10);
                request.Span($"GET /api/tp{tp}/{{id}}", _now.AddSeconds(-random.Next(30)), 50 + random.Next(300), random.Next(1000) == 0 ? 2 : 0,
                    ("cx.customer.id", $"customer-{random.Next(10_000):D5}"), ("http.route", $"/api/tp{tp}/{{id}}"), ("http.request.method", "GET"),
                    ("http.response.status_code", 200), ("url.path", $"/api/tp{tp}/{random.Next(100_000)}"), ("server.address", "shop.example"));
            }
        }

        _protobuf = request.ToProtobuf();
        _json = request.ToJson();
    }

    [Benchmark(OperationsPerInvoke = Spans)]
    public int Protobuf() => Decode(json: false);

    [Benchmark(OperationsPerInvoke = Spans)]
    public int Json() => Decode(json: true);

    private int Decode(bool json)
    {
        var builder = new TelemetryBatchBuilder(_options, _catalog, _now, TimeSpan.FromMinutes(10));
        var mapper = new OtlpSpanMapper(builder, _keys);
        if (json)
        {
            new OtlpJsonReader(mapper).Read(_json);
        }
        else
        {
            new OtlpProtobufReader(mapper).Read(_protobuf);
        }

        return builder.Accepted;
    }
}
