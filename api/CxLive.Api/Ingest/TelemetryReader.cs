using System.Text.Json;

namespace CxLive.Api.Ingest;

/// <summary>
/// Reads telemetry events straight from the body's UTF-8 bytes with <see cref="Utf8JsonReader"/>: no DOM, no object
/// per event. A JSON array (or one object) must be valid JSON as a whole, or the body is refused; in NDJSON each
/// line stands alone, so a broken line rejects only that event.
/// </summary>
internal sealed class TelemetryReader(TelemetryBatchBuilder builder)
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };
    private readonly byte[] _customerScratch = new byte[Domain.EntityId.MaxLength * 6];
    private readonly byte[] _touchpointScratch = new byte[Domain.EntityId.MaxLength * 6];

    /// <summary>Reads a JSON array, or a single object. Throws <see cref="JsonException"/> for a body that is not JSON.</summary>
    public void ReadJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, Options);
        if (!reader.Read())
        {
            throw new JsonException("The body is empty; send a JSON array of events.");
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadEvent(ref reader, 0);
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEvent(ref reader, index);
                }
                else
                {
                    reader.Skip();
                    builder.Reject(index, "an event must be a JSON object");
                }

                index++;
            }
        }
        else
        {
            throw new JsonException("The body must be a JSON array of events (or NDJSON with Content-Type application/x-ndjson).");
        }

        while (reader.Read())
        {
            // Drains trailing comments; any other token is a second root value, which the reader refuses.
        }
    }

    /// <summary>Reads newline-delimited JSON: one event object per line; blank lines are ignored.</summary>
    public void ReadNdjson(ReadOnlySpan<byte> body)
    {
        var index = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                var reader = new Utf8JsonReader(line, Options);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadEvent(ref reader, index);
                    if (reader.Read())
                    {
                        builder.Reject(index, "a line must hold exactly one JSON object");
                    }
                }
                else
                {
                    builder.Reject(index, "a line must hold one JSON object");
                }
            }
            catch (JsonException ex)
            {
                builder.Reject(index, $"not valid JSON: {ex.Message.Split(" Path:")[0]}");
            }

            index++;
        }
    }

    /// <summary>Reads the object the reader stands on, then hands it to the builder to judge and aggregate.</summary>
    private void ReadEvent(ref Utf8JsonReader reader, int index)
    {
        var fields = default(TelemetryEventFields);
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("customerId"u8))
            {
                reader.Read();
                fields.CustomerId = ReadId(ref reader, _customerScratch, out fields.HasCustomerId, out var problem);
                if (problem is not null)
                {
                    fields.Fail($"'customerId' {problem}");
                }
            }
            else if (reader.ValueTextEquals("touchpoint"u8))
            {
                reader.Read();
                fields.Touchpoint = ReadId(ref reader, _touchpointScratch, out fields.HasTouchpoint, out var problem);
                if (problem is not null)
                {
                    fields.Fail($"'touchpoint' {problem}");
                }
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var timestamp))
                {
                    fields.Timestamp = timestamp;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    fields.Fail("'timestamp' must be an RFC 3339 time such as 2026-11-26T14:00:00Z");
                }
            }
            else if (reader.ValueTextEquals("latencyMs"u8))
            {
                reader.Read();
                fields.LatencyMs = ReadNumber(ref reader, "latencyMs", ref fields);
            }
            else if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    fields.Success = reader.GetBoolean();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    fields.Fail("'success' must be true or false");
                }
            }
            else if (reader.ValueTextEquals("count"u8))
            {
                reader.Read();
                fields.Count = ReadWhole(ref reader, "count", ref fields);
            }
            else if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                fields.Errors = ReadWhole(ref reader, "errors", ref fields);
            }
            else if (reader.ValueTextEquals("slow"u8))
            {
                reader.Read();
                fields.Slow = ReadWhole(ref reader, "slow", ref fields);
            }
            else
            {
                // userId, service, region, traceId and anything else: kept out of the hot path.
                reader.Read();
                reader.Skip();
            }
        }

        builder.Add(index, ref fields);
    }

    /// <summary>A string id's UTF-8 bytes (unescaped into <paramref name="scratch"/> when needed); empty when absent.</summary>
    private static ReadOnlySpan<byte> ReadId(scoped ref Utf8JsonReader reader, byte[] scratch, out bool present, out string? problem)
    {
        present = false;
        problem = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                reader.Skip();
                problem = "must be a string";
            }

            return default;
        }

        present = true;
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > scratch.Length)
        {
            problem = $"is longer than {Domain.EntityId.MaxLength} characters";
            return default;
        }

        try
        {
            return scratch.AsSpan(0, reader.CopyString(scratch));
        }
        catch (InvalidOperationException)
        {
            // Valid JSON, but not text: an escape of a lone surrogate (\ud800) has no UTF-8 form.
            problem = "is not valid Unicode text (a lone surrogate escape)";
            return default;
        }
    }

    private static double? ReadNumber(ref Utf8JsonReader reader, string name, ref TelemetryEventFields fields)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            reader.Skip();
            fields.Fail($"'{name}' must be a number");
        }

        return null;
    }

    private static long? ReadWhole(ref Utf8JsonReader reader, string name, ref TelemetryEventFields fields)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            reader.Skip();
            fields.Fail($"'{name}' must be a whole number");
        }

        return null;
    }
}
