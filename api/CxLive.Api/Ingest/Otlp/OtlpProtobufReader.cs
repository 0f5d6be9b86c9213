namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Reads a protobuf ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1) field by field, taking only
/// what becomes an event and skipping the rest; field numbers are those of the OTLP .proto files. Each
/// ResourceSpans is read twice, resource first, because a sender may put its resource after its spans.
/// </summary>
internal sealed class OtlpProtobufReader(OtlpSpanMapper mapper)
{
    // ExportTraceServiceRequest
    private const int RequestResourceSpans = 1;

    // ResourceSpans, Resource, ScopeSpans
    private const int ResourceSpansResource = 1;
    private const int ResourceSpansScopeSpans = 2;
    private const int ResourceAttributes = 1;
    private const int ScopeSpansSpans = 2;

    // Span, Status
    private const int SpanName = 5;
    private const int SpanStartTime = 7;
    private const int SpanEndTime = 8;
    private const int SpanAttributes = 9;
    private const int SpanStatus = 15;
    private const int StatusCode = 3;

    // KeyValue, AnyValue
    private const int KeyValueKey = 1;
    private const int KeyValueValue = 2;
    private const int AnyValueString = 1;
    private const int AnyValueInt = 3;

    /// <summary>Throws <see cref="OtlpDecodeException"/> when the body is not protobuf of that shape.</summary>
    public void Read(ReadOnlySpan<byte> body)
    {
        var request = new ProtoWireReader(body);
        while (request.TryReadField(out var field))
        {
            if (field == RequestResourceSpans)
            {
                ReadResourceSpans(request.ReadLengthDelimited());
            }
            else
            {
                request.Skip();
            }
        }
    }

    private void ReadResourceSpans(ReadOnlySpan<byte> message)
    {
        var resource = mapper.StartResource();
        var first = new ProtoWireReader(message);
        while (first.TryReadField(out var field))
        {
            if (field == ResourceSpansResource)
            {
                ReadResource(first.ReadLengthDelimited(), resource);
            }
            else
            {
                first.Skip();
            }
        }

        var second = new ProtoWireReader(message);
        while (second.TryReadField(out var field))
        {
            if (field == ResourceSpansScopeSpans)
            {
                ReadScopeSpans(second.ReadLengthDelimited(), resource);
            }
            else
            {
                second.Skip();
            }
        }
    }

    private void ReadResource(ReadOnlySpan<byte> message, OtlpResource resource)
    {
        var reader = new ProtoWireReader(message);
        var unused = new OtlpSpan();
        while (reader.TryReadField(out var field))
        {
            if (field == ResourceAttributes)
            {
                ReadAttribute(reader.ReadLengthDelimited(), ref unused, resource);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadScopeSpans(ReadOnlySpan<byte> message, OtlpResource resource)
    {
        var reader = new ProtoWireReader(message);
        while (reader.TryReadField(out var field))
        {
            if (field == ScopeSpansSpans)
            {
                ReadSpan(reader.ReadLengthDelimited(), resource);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadSpan(ReadOnlySpan<byte> message, OtlpResource resource)
    {
        var span = new OtlpSpan();
        var reader = new ProtoWireReader(message);
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case SpanName:
                    span.Name = reader.ReadLengthDelimited();
                    span.HasName = true;
                    break;
                case SpanStartTime:
                    span.StartNanos = reader.ReadFixed64();
                    break;
                case SpanEndTime:
                    span.EndNanos = reader.ReadFixed64();
                    break;
                case SpanAttributes:
                    ReadAttribute(reader.ReadLengthDelimited(), ref span, resource: null);
                    break;
                case SpanStatus:
                    span.StatusCode = ReadStatusCode(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        mapper.Add(ref span, resource);
    }

    private static long ReadStatusCode(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoWireReader(message);
        long code = 0;
        while (reader.TryReadField(out var field))
        {
            if (field == StatusCode)
            {
                code = reader.ReadInt64();
            }
            else
            {
                reader.Skip();
            }
        }

        return code;
    }

    /// <summary>One KeyValue, offered to the resource when there is one, else to the span.</summary>
    private void ReadAttribute(ReadOnlySpan<byte> message, ref OtlpSpan span, OtlpResource? resource)
    {
        var reader = new ProtoWireReader(message);
        ReadOnlySpan<byte> key = default;
        ReadOnlySpan<byte> value = default;
        while (reader.TryReadField(out var field))
        {
            if (field == KeyValueKey)
            {
                key = reader.ReadLengthDelimited();
            }
            else if (field == KeyValueValue)
            {
                value = reader.ReadLengthDelimited();
            }
            else
            {
                reader.Skip();
            }
        }

        var role = mapper.Keys.Classify(key, out var rank);
        if (role == AttributeRole.None || (resource is null && !OtlpSpanMapper.Wants(ref span, role, rank)) || !TryReadValue(value, out var usable))
        {
            return;
        }

        if (resource is null)
        {
            mapper.Offer(ref span, role, rank, usable);
        }
        else
        {
            mapper.Offer(resource, role, rank, usable);
        }
    }

    /// <summary>An AnyValue's string or int; false for the other kinds (bool, double, array, kvlist, bytes).</summary>
    private static bool TryReadValue(ReadOnlySpan<byte> message, out OtlpValue value)
    {
        value = default;
        var found = false;
        var reader = new ProtoWireReader(message);
        while (reader.TryReadField(out var field))
        {
            if (field == AnyValueString)
            {
                value = OtlpValue.FromText(reader.ReadLengthDelimited());
                found = true;
            }
            else if (field == AnyValueInt)
            {
                value = OtlpValue.FromInteger(reader.ReadInt64());
                found = true;
            }
            else
            {
                reader.Skip();
                found = false;
            }
        }

        return found;
    }
}
