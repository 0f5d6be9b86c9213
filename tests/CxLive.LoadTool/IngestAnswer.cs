using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>The 202 answer to an ingest request: <c>{"accepted": n, "rejected": [{"index": i, "error": "..."}]}</c>.</summary>
internal readonly record struct IngestAnswer(int Accepted, int Rejected, string? FirstError)
{
    /// <summary>Reads the answer; null when the body is not that shape.</summary>
    public static IngestAnswer? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            int? accepted = null;
            var rejected = 0;
            string? firstError = null;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("accepted"u8))
                {
                    reader.Read();
                    accepted = reader.GetInt32();
                }
                else if (reader.ValueTextEquals("rejected"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        reader.Skip();
                        continue;
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        rejected++;
                        firstError ??= ErrorOf(ref reader);
                        reader.Skip();
                    }
                }
            }

            return accepted is { } count ? new IngestAnswer(count, rejected, firstError) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ErrorOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // Reads the object's properties and leaves the reader on its EndObject (Skip is then a no-op).
        string? error = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isError = reader.ValueTextEquals("error"u8);
            reader.Read();
            if (isError && reader.TokenType == JsonTokenType.String)
            {
                error = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return error;
    }
}
