using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Endpoints;

internal static class TelemetryEndpoints
{
    public const string RateLimitPolicy = "ingest";

    public static RouteGroupBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/telemetry").WithTags("Ingest");
        group.MapPost("/", PostTelemetry)
            .RequireAuthorization(AccessPolicies.Ingest)
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<TelemetryEventDescription[]>("application/json", "application/x-ndjson")
            .WithName("PostTelemetry")
            .WithSummary("Quality-of-service events as customers saw them")
            .WithDescription("A JSON array or NDJSON, optionally gzip. Good events are accepted, bad ones rejected one by one with their index and reason.");
        group.WithRequestTimeout(RateLimitPolicy); // a stalled body frees its permit (Ingest:RequestTimeoutSeconds)
        return group;
    }

    internal static async Task<Results<Accepted<IngestResult>, ProblemHttpResult>> PostTelemetry(
        HttpRequest request, TelemetryIngest ingest, KeyRateLimits limits, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = IngestRequests.MediaType(request) is { Length: > 0 } given ? given : "application/json";
        var ndjson = mediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
        if (!ndjson && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"Send 'application/json' (an array of events) or 'application/x-ndjson', not '{mediaType}'.");
        }

        var (batch, problem) = await IngestRequests.ParseAsync(
            request, options.Value.MaxBodyBytes, body => ingest.Parse(body, ndjson), "The body is not valid JSON", cancellationToken);
        if (batch is null)
        {
            return problem!;
        }

        if (Problems.OverEventRate(request.HttpContext, limits, batch.Events) is { } overRate)
        {
            return overRate;
        }

        var outcome = await ingest.HandAsync(batch);
        if (outcome.Saturated)
        {
            return Problems.Saturated(request.HttpContext.Response);
        }

        return TypedResults.Accepted((string?)null, new IngestResult(outcome.Accepted, outcome.Rejected, outcome.RejectedCount));
    }

    /// <summary>The 202 answer (API.md): how many were accepted, and which were not and why.</summary>
    internal sealed record IngestResult(int Accepted, IReadOnlyList<TelemetryRejection> Rejected, int RejectedCount);

    /// <summary>One event, for the OpenAPI document only (the endpoint reads the body with its own streaming parser).</summary>
    internal sealed record TelemetryEventDescription(
        string CustomerId,
        string Touchpoint,
        DateTimeOffset Timestamp,
        double? LatencyMs,
        bool? Success,
        int? Count,
        int? Errors,
        int? Slow,
        string? UserId,
        string? Service,
        string? Region,
        string? TraceId);
}
