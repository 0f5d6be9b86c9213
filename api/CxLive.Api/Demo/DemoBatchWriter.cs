using System.Buffers;
using System.Text.Json;

namespace CxLive.Api.Demo;

/// <summary>
/// Writes simulated interactions as the JSON array a sender would POST to /api/v1/telemetry, into one buffer that is
/// reused batch after batch (no allocation per batch once it has grown). Ids are encoded once per fleet.
/// </summary>
internal sealed class DemoBatchWriter : IDisposable
{
    private static readonly JsonEncodedText CustomerId = JsonEncodedText.Encode("customerId");
    private static readonly JsonEncodedText Touchpoint = JsonEncodedText.Encode("touchpoint");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText LatencyMs = JsonEncodedText.Encode("latencyMs");
    private static readonly JsonEncodedText Success = JsonEncodedText.Encode("success");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");

    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly JsonEncodedText[] _customers;
    private readonly JsonEncodedText[] _regions;
    private readonly JsonEncodedText[] _touchpoints;

    public DemoBatchWriter(DemoFleet fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _customers = [.. fleet.Customers.Select(c => JsonEncodedText.Encode(c.Id))];
        _regions = [.. fleet.Customers.Select(c => JsonEncodedText.Encode(c.Profile.Region ?? "unknown"))];
        _touchpoints = [.. fleet.Touchpoints.Select(t => JsonEncodedText.Encode(t.Id))];
    }

    /// <summary>The batch as a JSON array; valid until the next call.</summary>
    public ReadOnlySpan<byte> Write(ReadOnlySpan<DemoEvent> events, DateTimeOffset timestamp)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var utc = timestamp.UtcDateTime;
        _writer.WriteStartArray();
        foreach (var e in events)
        {
            _writer.WriteStartObject();
            _writer.WriteString(CustomerId, _customers[e.Customer]);
            _writer.WriteString(Touchpoint, _touchpoints[e.Touchpoint]);
            _writer.WriteString(Timestamp, utc);
            _writer.WriteNumber(LatencyMs, e.LatencyMs);
            _writer.WriteBoolean(Success, e.Success);
            _writer.WriteString(Region, _regions[e.Customer]);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();
}
