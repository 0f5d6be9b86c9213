using System.Text.Json;
using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using CxLive.Domain;
using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Endpoints;

internal static class FeedbackEndpoints
{
    public const int MaxIdLength = 200;
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/feedback").WithTags("Ingest");
        group.MapPost("/", PostFeedback)
            .RequireAuthorization(AccessPolicies.Ingest)
            .RequireRateLimiting(TelemetryEndpoints.RateLimitPolicy)
            .Accepts<FeedbackRequest[]>("application/json")
            .WithName("PostFeedback")
            .WithSummary("What customers said: NPS, CSAT, CES, complaints, praise, comments")
            .WithDescription("One object or an array. Idempotent by id: a replay is acknowledged and not counted twice. Durable once acknowledged.");
        return group;
    }

    internal static async Task<Results<Accepted<FeedbackResult>, ProblemHttpResult>> PostFeedback(
        HttpRequest request, IGrainFactory grains, IOptions<IngestOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestBody.IsSupportedEncoding(request, out var gzip))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding", "Only 'gzip' is supported as Content-Encoding.");
        }

        JsonDocument document;
        using (var body = await RequestBody.ReadAsync(request, gzip, options.Value.MaxBodyBytes, cancellationToken))
        {
            try
            {
                document = JsonDocument.Parse(body.Span.ToArray());
            }
            catch (JsonException ex)
            {
                return Problems.Status(StatusCodes.Status400BadRequest, "The body is not valid JSON", ProblemExceptionHandler.Describe(ex));
            }
        }

        using (document)
        {
            var elements = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => [.. document.RootElement.EnumerateArray()],
                JsonValueKind.Object => new[] { document.RootElement },
                _ => null,
            };
            if (elements is null)
            {
                return Problems.Status(StatusCodes.Status400BadRequest, "The body must be a feedback object or an array of them", "See API.md, POST /api/v1/feedback.");
            }

            var now = clock.GetUtcNow();
            var rejected = new List<TelemetryRejection>();
            var byCustomer = new Dictionary<string, List<FeedbackItem>>(StringComparer.Ordinal);
            for (var i = 0; i < elements.Length; i++)
            {
                var (item, error) = Read(elements[i], now);
                if (item is not null)
                {
                    if (!byCustomer.TryGetValue(item.CustomerId, out var list))
                    {
                        list = [];
                        byCustomer[item.CustomerId] = list;
                    }

                    list.Add(item);
                }
                else
                {
                    rejected.Add(new TelemetryRejection(i, error!));
                }
            }

            var receipts = await Task.WhenAll(byCustomer.Select(c => grains.GetGrain<ICustomerGrain>(c.Key).AddFeedback([.. c.Value])));
            var accepted = byCustomer.Values.Sum(l => l.Count);
            return TypedResults.Accepted((string?)null, new FeedbackResult(accepted, rejected, receipts.Sum(r => r.Duplicates)));
        }
    }

    /// <summary>Reads and checks one item; the error names the field.</summary>
    internal static (FeedbackItem? Item, string? Error) Read(JsonElement element, DateTimeOffset now)
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

        var error = Check(request, now);
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

    private static string? Check(FeedbackRequest r, DateTimeOffset now)
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

        if (r.Comment is { Length: > FeedbackItem.MaxCommentLength })
        {
            return $"'comment' is longer than {FeedbackItem.MaxCommentLength} characters";
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

    /// <summary>One feedback item as senders write it (API.md).</summary>
    internal sealed record FeedbackRequest(
        string? Id,
        string? CustomerId,
        string? Touchpoint,
        DateTimeOffset? Timestamp,
        string? Kind,
        double? Score,
        string? Comment,
        string? Channel,
        string? Program);

    /// <summary>The 202 answer: accepted (new and replayed), rejected with index and reason, and how many were replays.</summary>
    internal sealed record FeedbackResult(int Accepted, IReadOnlyList<TelemetryRejection> Rejected, int Duplicates);
}
