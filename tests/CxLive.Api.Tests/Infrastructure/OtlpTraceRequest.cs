using System.Globalization;
using System.Text.Json;
using Google.Protobuf;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// Builds ExportTraceServiceRequest bodies by hand, as protobuf (with Google.Protobuf's writer and the OTLP field
/// numbers) or as OTLP/JSON, for the cases a real SDK does not send. Trace and span ids, kind and a status message
/// are written too, so the reader is seen to skip what it does not need.
/// </summary>
internal sealed class OtlpTraceRequest
{
    private readonly List<(KeyValuePair<string, object>[] Attributes, List<OtlpTestSpan> Spans)> _resources = [];
    private long _nextId = 1;

    public int SpanCount => _resources.Sum(r => r.Spans.Count);

    /// <summary>Starts a resource; the spans added next belong to it.</summary>
    public OtlpTraceRequest Resource(params (string Key, object Value)[] attributes)
    {
        _resources.Add(([.. attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))], []));
        return this;
    }

    public OtlpTraceRequest Span(string? name, DateTimeOffset start, double latencyMs, int statusCode = 0, params (string Key, object Value)[] attributes)
    {
        if (_resources.Count == 0)
        {
            Resource();
        }

        _resources[^1].Spans.Add(new OtlpTestSpan(name, start, latencyMs, statusCode, [.. attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))], _nextId++));
        return this;
    }

    public byte[] ToProtobuf() => Message(request =>
    {
        foreach (var (attributes, spans) in _resources)
        {
            Embed(request, 1, Message(resourceSpans =>
            {
                Embed(resourceSpans, 1, Message(resource => Attributes(resource, 1, attributes)));
                Embed(resourceSpans, 2, Message(scopeSpans =>
                {
                    Embed(scopeSpans, 1, Message(scope => { scope.WriteTag(1, WireFormat.WireType.LengthDelimited); scope.WriteString("tests"); }));
                    foreach (var span in spans)
                    {
                        Embed(scopeSpans, 2, Message(s => WriteSpan(s, span)));
                    }
                }));
                resourceSpans.WriteTag(3, WireFormat.WireType.LengthDelimited);
                resourceSpans.WriteString("https://opentelemetry.io/schemas/1.26.0");
            }));
        }
    });

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        resourceSpans = _resources.Select(r => new
        {
            resource = new { attributes = r.Attributes.Select(JsonAttribute) },
            scopeSpans = new[]
            {
                new
                {
                    scope = new { name = "tests" },
                    spans = r.Spans.Select(s => new Dictionary<string, object?>
                    {
                        ["traceId"] = s.Id.ToString("x32", CultureInfo.InvariantCulture),
                        ["spanId"] = s.Id.ToString("x16", CultureInfo.InvariantCulture),
                        ["name"] = s.Name,
                        ["kind"] = 2,
                        ["startTimeUnixNano"] = s.StartNanos.ToString(CultureInfo.InvariantCulture),
                        ["endTimeUnixNano"] = s.EndNanos.ToString(CultureInfo.InvariantCulture),
                        ["attributes"] = s.Attributes.Select(JsonAttribute),
                        ["status"] = new { code = s.StatusCode, message = s.StatusCode == 2 ? "failed" : "" },
                    }),
                },
            },
        }),
    });

    private static void WriteSpan(CodedOutputStream span, OtlpTestSpan s)
    {
        span.WriteTag(1, WireFormat.WireType.LengthDelimited);
        span.WriteBytes(ByteString.CopyFrom(new byte[16 - sizeof(long)].Concat(BitConverter.GetBytes(s.Id)).ToArray()));
        span.WriteTag(2, WireFormat.WireType.LengthDelimited);
        span.WriteBytes(ByteString.CopyFrom(BitConverter.GetBytes(s.Id)));
        if (s.Name is not null)
        {
            span.WriteTag(5, WireFormat.WireType.LengthDelimited);
            span.WriteString(s.Name);
        }

        span.WriteTag(6, WireFormat.WireType.Varint);
        span.WriteEnum(2);
        span.WriteTag(7, WireFormat.WireType.Fixed64);
        span.WriteFixed64(s.StartNanos);
        span.WriteTag(8, WireFormat.WireType.Fixed64);
        span.WriteFixed64(s.EndNanos);
        Attributes(span, 9, s.Attributes);
        Embed(span, 15, Message(status =>
        {
            status.WriteTag(2, WireFormat.WireType.LengthDelimited);
            status.WriteString(s.StatusCode == 2 ? "failed" : "");
            status.WriteTag(3, WireFormat.WireType.Varint);
            status.WriteEnum(s.StatusCode);
        }));
    }

    private static void Attributes(CodedOutputStream output, int field, KeyValuePair<string, object>[] attributes)
    {
        foreach (var (key, value) in attributes)
        {
            Embed(output, field, Message(keyValue =>
            {
                keyValue.WriteTag(1, WireFormat.WireType.LengthDelimited);
                keyValue.WriteString(key);
                Embed(keyValue, 2, Message(any =>
                {
                    switch (value)
                    {
                        case string text:
                            any.WriteTag(1, WireFormat.WireType.LengthDelimited);
                            any.WriteString(text);
                            break;
                        case bool flag:
                            any.WriteTag(2, WireFormat.WireType.Varint);
                            any.WriteBool(flag);
                            break;
                        case int or long:
                            any.WriteTag(3, WireFormat.WireType.Varint);
                            any.WriteInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                            break;
                        default:
                            any.WriteTag(4, WireFormat.WireType.Fixed64);
                            any.WriteDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                            break;
                    }
                }));
            }));
        }
    }

    private static object JsonAttribute(KeyValuePair<string, object> attribute) => new
    {
        key = attribute.Key,
        value = attribute.Value switch
        {
            string text => new Dictionary<string, object> { ["stringValue"] = text },
            bool flag => new Dictionary<string, object> { ["boolValue"] = flag },
            int or long => new Dictionary<string, object> { ["intValue"] = Convert.ToInt64(attribute.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
            _ => new Dictionary<string, object> { ["doubleValue"] = attribute.Value },
        },
    };

    private static void Embed(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }

    private sealed record OtlpTestSpan(string? Name, DateTimeOffset Start, double LatencyMs, int StatusCode, KeyValuePair<string, object>[] Attributes, long Id)
    {
        public ulong StartNanos => (ulong)(Start - DateTimeOffset.UnixEpoch).Ticks * 100;

        public ulong EndNanos => StartNanos + (ulong)(LatencyMs * 1e6);
    }
}
