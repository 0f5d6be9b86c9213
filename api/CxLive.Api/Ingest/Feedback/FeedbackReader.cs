using System.Text.Json;

namespace CxLive.Api.Ingest.Feedback;

/// <summary>
/// Reads a feedback body (one object, or an array of them) item by item with a <see cref="Utf8JsonReader"/>: no
/// document of the whole body is built, each item is checked as it is read (<see cref="FeedbackValidation"/>) and
/// joins its customer's group or the rejections. A body that is not JSON at all throws <see cref="JsonException"/>
/// (the shared body reader answers 400 for it).
/// </summary>
internal static class FeedbackReader
{
    public const string ShapeProblem = "The body must be a feedback object or an array of them";

    public static FeedbackBatch Read(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        var batch = new FeedbackBatch();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Take(batch, 0, JsonElement.ParseValue(ref reader), now);
                break;
            case JsonTokenType.StartArray:
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Take(batch, index++, JsonElement.ParseValue(ref reader), now);
                }

                break;
            default:
                // A complete value still has to be JSON: a scalar body reads to its end (and throws if it is not JSON).
                JsonElement.ParseValue(ref reader);
                return FeedbackBatch.NotFeedback(ShapeProblem);
        }

        if (reader.Read())
        {
            throw new JsonException("There is more after the feedback object or array.");
        }

        return batch;
    }

    private static void Take(FeedbackBatch batch, int index, JsonElement element, DateTimeOffset now)
    {
        var (item, error) = FeedbackValidation.Check(element, now);
        if (item is not null)
        {
            batch.Add(index, item);
        }
        else
        {
            batch.Reject(index, error!);
        }
    }
}
