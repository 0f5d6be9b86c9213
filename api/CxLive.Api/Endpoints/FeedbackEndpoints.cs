using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Endpoints;

/// <summary>POST /api/v1/feedback: the route; the pipeline is <see cref="FeedbackIngest"/>.</summary>
internal static class FeedbackEndpoints
{
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
        group.WithRequestTimeout(TelemetryEndpoints.RateLimitPolicy); // a stalled body frees its permit (Ingest:RequestTimeoutSeconds)
        return group;
    }

    internal static async Task<Results<Accepted<FeedbackResult>, ProblemHttpResult>> PostFeedback(
        HttpRequest request, FeedbackIngest ingest, KeyRateLimits limits, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var (batch, problem) = await IngestRequests.ParseAsync(request, options.Value.MaxBodyBytes, ingest.Read, "The body is not valid JSON", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (batch!.ShapeProblem is { } shape)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, shape, "See API.md, POST /api/v1/feedback.");
        }

        if (Problems.OverEventRate(request.HttpContext, limits, batch.Accepted + batch.Rejected.Count) is { } overRate)
        {
            return overRate;
        }

        return TypedResults.Accepted((string?)null, await ingest.StoreAsync(batch));
    }
}
