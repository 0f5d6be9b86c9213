using System.Buffers.Text;
using System.Text.Json;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Reads an OTLP/JSON ExportTraceServiceRequest with <see cref="Utf8JsonReader"/>, no DOM: lowerCamelCase field
/// names (the original snake_case ones too), 64-bit integers as strings or numbers, enums as integers, unknown
/// fields ignored. Each ResourceSpans is read twice (the reader is a struct, so a copy is a bookmark): resource first.
/// Throws <see cref="JsonException"/> when the body is not JSON of that shape.
/// </summary>
internal sealed class OtlpJsonReader(OtlpSpanMapper mapper)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };
    private readonly byte[] _keyScratch = new byte[1024];

    public void Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The body must be an ExportTraceServiceRequest: a JSON object with 'resourceSpans'.");
        }

        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "resourceSpans"u8, "resource_spans"u8))
            {
                for (var more = EnterArray(ref reader, "resourceSpans"); more && NextObject(ref reader, "resourceSpans");)
                {
                    ReadResourceSpans(ref reader);
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        while (reader.Read())
        {
            // A second root value makes the reader throw.
        }
    }

    private void ReadResourceSpans(ref Utf8JsonReader reader)
    {
        var resource = mapper.StartResource();
        var bookmark = reader;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "resource"u8) && EnterObject(ref reader, "resource"))
            {
                var unused = new OtlpSpan();
                while (NextProperty(ref reader))
                {
                    if (Is(ref reader, "attributes"u8))
                    {
                        for (var more = EnterArray(ref reader, "attributes"); more && NextObject(ref reader, "attributes");)
                        {
                            ReadAttribute(ref reader, ref unused, resource);
                        }
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        reader = bookmark;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "scopeSpans"u8, "scope_spans"u8))
            {
                for (var more = EnterArray(ref reader, "scopeSpans"); more && NextObject(ref reader, "scopeSpans");)
                {
                    ReadScopeSpans(ref reader, resource);
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }
    }

    private void ReadScopeSpans(ref Utf8JsonReader reader, OtlpResource resource)
    {
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "spans"u8))
            {
                for (var more = EnterArray(ref reader, "spans"); more && NextObject(ref reader, "spans");)
                {
                    ReadSpan(ref reader, resource);
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }
    }

    private void ReadSpan(ref Utf8JsonReader reader, OtlpResource resource)
    {
        var span = new OtlpSpan();
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "name"u8))
            {
                reader.Read();
                span.Name = Text(ref reader, mapper.ScratchFor(AttributeRole.None), "name");
                span.HasName = reader.TokenType == JsonTokenType.String;
            }
            else if (Is(ref reader, "startTimeUnixNano"u8, "start_time_unix_nano"u8))
            {
                reader.Read();
                span.StartNanos = (ulong)Integer(ref reader, "startTimeUnixNano", unsigned: true);
            }
            else if (Is(ref reader, "endTimeUnixNano"u8, "end_time_unix_nano"u8))
            {
                reader.Read();
                span.EndNanos = (ulong)Integer(ref reader, "endTimeUnixNano", unsigned: true);
            }
            else if (Is(ref reader, "attributes"u8))
            {
                for (var more = EnterArray(ref reader, "attributes"); more && NextObject(ref reader, "attributes");)
                {
                    ReadAttribute(ref reader, ref span, resource: null);
                }
            }
            else if (Is(ref reader, "status"u8) && EnterObject(ref reader, "status"))
            {
                while (NextProperty(ref reader))
                {
                    if (Is(ref reader, "code"u8))
                    {
                        reader.Read();
                        span.StatusCode = (long)Integer(ref reader, "status.code", unsigned: false);
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        mapper.Add(ref span, resource);
    }

    /// <summary>One KeyValue object, offered to the resource when there is one, else to the span.</summary>
    private void ReadAttribute(ref Utf8JsonReader reader, ref OtlpSpan span, OtlpResource? resource)
    {
        ReadOnlySpan<byte> key = default;
        var hasKey = false;
        Utf8JsonReader value = default;
        var hasValue = false;
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "key"u8))
            {
                reader.Read();
                key = Text(ref reader, _keyScratch, "key");
                hasKey = reader.TokenType == JsonTokenType.String;
            }
            else if (Is(ref reader, "value"u8))
            {
                reader.Read();
                value = reader; // read once the key is known, wherever it comes
                hasValue = true;
                reader.Skip();
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        if (hasKey && hasValue && value.TokenType == JsonTokenType.StartObject)
        {
            ReadValue(ref value, key, ref span, resource);
        }
    }

    /// <summary>An AnyValue object: its stringValue or intValue, when the key matters.</summary>
    private void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> key, ref OtlpSpan span, OtlpResource? resource)
    {
        var role = mapper.Keys.Classify(key, out var rank);
        if (role == AttributeRole.None || (resource is null && !OtlpSpanMapper.Wants(ref span, role, rank)))
        {
            return;
        }

        while (NextProperty(ref reader))
        {
            OtlpValue value;
            if (Is(ref reader, "stringValue"u8, "string_value"u8))
            {
                reader.Read();
                value = OtlpValue.FromText(Text(ref reader, mapper.ScratchFor(role), "stringValue"));
            }
            else if (Is(ref reader, "intValue"u8, "int_value"u8))
            {
                reader.Read();
                value = OtlpValue.FromInteger((long)Integer(ref reader, "intValue", unsigned: false));
            }
            else
            {
                SkipValue(ref reader);
                continue;
            }

            if (resource is null)
            {
                mapper.Offer(ref span, role, rank, value);
            }
            else
            {
                mapper.Offer(resource, role, rank, value);
            }
        }
    }

    /// <summary>A string's UTF-8 (unescaped into <paramref name="scratch"/> when needed); empty for null.</summary>
    private static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader reader, byte[] scratch, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"'{field}' must be a string.");
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > scratch.Length)
        {
            return OtlpSpanMapper.TooLongValue;
        }

        try
        {
            return scratch.AsSpan(0, reader.CopyString(scratch));
        }
        catch (InvalidOperationException)
        {
            throw new JsonException($"'{field}' is not valid Unicode text (a lone surrogate escape).");
        }
    }

    /// <summary>A 64-bit integer as a JSON number or a decimal string (proto3 JSON allows both); 0 for null.</summary>
    private static decimal Integer(ref Utf8JsonReader reader, string field, bool unsigned)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number when unsigned && reader.TryGetUInt64(out var u):
                return u;
            case JsonTokenType.Number when !unsigned && reader.TryGetInt64(out var l):
                return l;
            case JsonTokenType.String when unsigned && !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out ulong su, out var used) && used == reader.ValueSpan.Length:
                return su;
            case JsonTokenType.String when !unsigned && !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long sl, out var used) && used == reader.ValueSpan.Length:
                return sl;
            default:
                throw new JsonException($"'{field}' must be a whole number (a JSON number or a decimal string).");
        }
    }

    /// <summary>Reads to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) => reader.ValueTextEquals(name);

    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> camel, ReadOnlySpan<byte> snake) =>
        reader.ValueTextEquals(camel) || reader.ValueTextEquals(snake);

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Moves onto a property's object value; false for null. Throws for anything else.</summary>
    private static bool EnterObject(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw new JsonException($"'{field}' must be an object."),
        };
    }

    /// <summary>Moves onto a property's array value; false for null. Throws for anything else.</summary>
    private static bool EnterArray(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw new JsonException($"'{field}' must be an array."),
        };
    }

    /// <summary>Moves onto the array's next element, which must be an object; false at the end of the array.</summary>
    private static bool NextObject(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.EndArray => false,
            _ => throw new JsonException($"'{field}' must be an array of objects."),
        };
    }
}
