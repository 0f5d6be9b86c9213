using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>
/// Builds one request body of raw telemetry events (API.md, POST /api/v1/telemetry) with a Utf8JsonWriter. Each
/// sender owns one writer and its buffers and reuses them for every batch, so steady sending allocates almost nothing;
/// ids are encoded once (<see cref="TrafficPlan"/>) and the timestamp is formatted once per batch.
/// </summary>
internal sealed class EventBodyWriter : IDisposable
{
    private static readonly JsonEncodedText CustomerIdName = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText TouchpointName = JsonEncodedText.Encode("touchpoint");
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText LatencyName = JsonEncodedText.Encode("latencyMs");
    private static readonly JsonEncodedText SuccessName = JsonEncodedText.Encode("success");

    private readonly TrafficPlan _plan;
    private readonly bool _ndjson;
    private readonly bool _gzip;
    private readonly ArrayBufferWriter<byte> _json = new(1 << 20);
    private readonly MemoryStream _compressed = new();
    private readonly Utf8JsonWriter _writer;
    private readonly Random _random;
    private readonly byte[] _timestamp = new byte[32];
    private ReadOnlyMemory<byte> _body;

    public EventBodyWriter(TrafficPlan plan, bool ndjson, bool gzip, int seed)
    {
        _plan = plan;
        _ndjson = ndjson;
        _gzip = gzip;
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true });
        _random = new Random(seed);
    }

    /// <summary>The uncompressed JSON/NDJSON of the last batch.</summary>
    public ReadOnlyMemory<byte> Json => _json.WrittenMemory;

    /// <summary>What goes on the wire for the last batch (gzip when asked).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    public ReadOnlyMemory<byte> Write(long firstEvent, int count, DateTime utcNow, bool injected)
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        utcNow.TryFormat(_timestamp, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var timestamp = _timestamp.AsSpan(0, written);
        if (!_ndjson)
        {
            _writer.WriteStartArray();
        }

        for (var i = 0; i < count; i++)
        {
            var (customer, touchpoint) = _plan.Pick(firstEvent + i);
            var failureRatio = injected && touchpoint == TrafficPlan.CheckoutIndex && _plan.IsDisrupted(customer)
                ? TrafficPlan.InjectedFailureRatio
                : TrafficPlan.BackgroundFailureRatio;
            _writer.WriteStartObject();
            _writer.WriteString(CustomerIdName, _plan.CustomerIdText(customer));
            _writer.WriteString(TouchpointName, _plan.TouchpointIdText(touchpoint));
            _writer.WriteString(TimestampName, timestamp);
            _writer.WriteNumber(LatencyName, 80 + _random.Next(121));
            _writer.WriteBoolean(SuccessName, _random.NextDouble() >= failureRatio);
            _writer.WriteEndObject();
            if (_ndjson)
            {
                _writer.Flush();
                _json.GetSpan(1)[0] = (byte)'\n';
                _json.Advance(1);
                _writer.Reset(_json);
            }
        }

        if (!_ndjson)
        {
            _writer.WriteEndArray();
        }

        _writer.Flush();
        _body = _gzip ? Compress(_json.WrittenSpan) : _json.WrittenMemory;
        return _body;
    }

    /// <summary>The last batch as request content; valid until the next <see cref="Write"/>.</summary>
    public HttpContent CreateContent()
    {
        var content = new ReadOnlyMemoryContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue(_ndjson ? "application/x-ndjson" : "application/json");
        if (_gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _compressed.Dispose();
    }

    private ReadOnlyMemory<byte> Compress(ReadOnlySpan<byte> json)
    {
        _compressed.SetLength(0);
        using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new ReadOnlyMemory<byte>(_compressed.GetBuffer(), 0, (int)_compressed.Length);
    }
}
