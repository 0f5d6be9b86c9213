using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CxLive.Api.Ingest;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Benchmarks;

/// <summary>
/// The api's hot path without HTTP: parse a 5,000-event batch, judge each event, pre-aggregate into customer x
/// touchpoint x slot counts and touchpoint KPI partials. Divide 5,000 by the mean for events/s on one core.
/// </summary>
[MemoryDiagnoser]
public class IngestParseBenchmarks
{
    private const int Events = 5000;
    private readonly TelemetryOptions _options = new();
    private readonly TouchpointCatalog _catalog = new();
    private byte[] _json = [];
    private byte[] _ndjson = [];
    private DateTimeOffset _now;

    [Params(10_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        var events = Enumerable.Range(0, Events).Select(i => new
        {
            customerId = $"customer-{random.Next(Customers):D5}",
            touchpoint = $"tp{random.Next(10)}",
            timestamp = _now.AddSeconds(-random.Next(30)).UtcDateTime.ToString("O"),
            latencyMs = 50 + random.Next(300),
            success = random.Next(1000) != 0,
        }).ToArray();
        _json = JsonSerializer.SerializeToUtf8Bytes(events);
        _ndjson = [.. events.SelectMany(e => JsonSerializer.SerializeToUtf8Bytes(e).Append((byte)'\n'))];
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int JsonArray() => Parse(json: true);

    [Benchmark(OperationsPerInvoke = Events)]
    public int Ndjson() => Parse(json: false);

    private int Parse(bool json)
    {
        var builder = new TelemetryBatchBuilder(_options, _catalog, _now, TimeSpan.FromMinutes(10));
        var reader = new TelemetryReader(builder);
        if (json)
        {
            reader.ReadJson(_json);
        }
        else
        {
            reader.ReadNdjson(_ndjson);
        }

        return builder.Accepted;
    }
}
