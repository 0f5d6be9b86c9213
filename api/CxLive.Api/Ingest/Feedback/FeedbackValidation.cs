using System.Text.Json;
using CxLive.Domain;
using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions.Feedback;

namespace CxLive.Api.Ingest.Feedback;

/// <summary>The checks of one feedback item (API.md): each refusal names the field that was wrong.</summary>
internal static class FeedbackValidation
{
    public const int MaxIdLength = 200;
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How old an answer may be: a year of survey history can be loaded; a year-1 date is a mistake.</summary>
    public const int MaxAgeDays = 366;

    /// <summary>Reads and checks one item: the item, or why not.</summary>
    public static (FeedbackItem? Item, string? Error) Check(JsonElement element, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "a feedback item must be a JSON object");
        }

        FeedbackRequest? request;
        try
        {
            request = element.Deserialize<FeedbackRequest>(JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return (null, $"a field has the wrong type ({ex.Path?.TrimStart('$', '.') ?? "?"})");
        }

        if (request is null)
        {
            return (null, "a feedback item must be a JSON object");
        }

        var error = Problem(request, now);
        return error is not null
            ? (null, error)
            : (new FeedbackItem
            {
                Id = request.Id!,
                CustomerId = request.CustomerId!,
                Touchpoint = request.Touchpoint,
                Timestamp = request.Timestamp!.Value,
                Kind = request.Kind!,
                Score = request.Score,
                Comment = request.Comment,
                Channel = request.Channel,
                Program = request.Program,
                ReceivedAt = now,
            }, null);
    }

    private static string? Problem(FeedbackRequest r, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Length > MaxIdLength)
        {
            return $"'id' is required, 1-{MaxIdLength} characters (the idempotency key)";
        }

        if (EntityId.Problem(r.CustomerId) is { } customerProblem)
        {
            return $"'customerId' {customerProblem}";
        }

        if (r.Touchpoint is not null && EntityId.Problem(r.Touchpoint) is { } touchpointProblem)
        {
            return $"'touchpoint' {touchpointProblem}";
        }

        if (r.Timestamp is not { } timestamp)
        {
            return "'timestamp' is required";
        }

        if (timestamp > now + FutureTolerance)
        {
            return "'timestamp' is more than 5 minutes in the future";
        }

        if (timestamp < now.AddDays(-MaxAgeDays))
        {
            return $"'timestamp' is more than {MaxAgeDays} days in the past";
        }

        if (r.Kind is null || !FeedbackKinds.TryParse(r.Kind, out var kind))
        {
            return "'kind' must be one of nps, csat, ces, complaint, praise, comment";
        }

        if (FeedbackKinds.ScoreRange(kind) is { } range)
        {
            if (r.Score is not { } score || score < range.Min || score > range.Max || !double.IsFinite(score))
            {
                return $"'score' is required for {r.Kind}, between {range.Min} and {range.Max}";
            }
        }
        else if (r.Score is not null)
        {
            return $"'score' is only for nps, csat and ces, not {r.Kind}";
        }

        if (r.Comment is { Length: > FeedbackRequest.MaxCommentLength })
        {
            return $"'comment' is longer than {FeedbackRequest.MaxCommentLength} characters";
        }

        if (r.Channel is not null && !FeedbackVocabulary.Channels.Contains(r.Channel, StringComparer.Ordinal))
        {
            return $"'channel' must be one of {string.Join(", ", FeedbackVocabulary.Channels)}";
        }

        if (r.Program is not null && !FeedbackVocabulary.Programs.Contains(r.Program, StringComparer.Ordinal))
        {
            return $"'program' must be one of {string.Join(", ", FeedbackVocabulary.Programs)}";
        }

        return null;
    }
}
