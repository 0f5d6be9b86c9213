using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Endpoints;

/// <summary>OTLP/HTTP trace export (API.md "POST /v1/traces"): the path OpenTelemetry SDKs and collectors post to.</summary>
internal static class OtlpEndpoints
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    public static RouteGroupBuilder MapOtlpEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Ingest");
        group.MapPost("/traces", PostTraces)
            .RequireAuthorization(AccessPolicies.Ingest)
            .RequireRateLimiting(TelemetryEndpoints.RateLimitPolicy)
            .Accepts<byte[]>(Protobuf, Json)
            .Produces<byte[]>(StatusCodes.Status200OK, Protobuf, Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("PostOtlpTraces")
            .WithSummary("OpenTelemetry spans (OTLP/HTTP), as telemetry events")
            .WithDescription("An ExportTraceServiceRequest, protobuf or JSON, optionally gzip. Each span with a customer attribute " +
                "becomes an event; the ExportTraceServiceResponse, in the request's encoding, counts in partial_success the spans " +
                "dropped (no customer) or rejected, and says why.");
        group.WithRequestTimeout(TelemetryEndpoints.RateLimitPolicy); // a stalled body frees its permit (Ingest:RequestTimeoutSeconds)
        return group;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PostTraces(
        HttpRequest request, OtlpIngest ingest, KeyRateLimits limits, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = IngestRequests.MediaType(request);
        var json = mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);
        if (!json && !mediaType.Equals(Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"OTLP/HTTP is '{Protobuf}' or '{Json}', not '{mediaType}'.");
        }

        var (export, problem) = await IngestRequests.ParseAsync(
            request, options.Value.MaxBodyBytes, body => ingest.Parse(body, json), json ? "The body is not OTLP JSON" : "The body is not OTLP protobuf", cancellationToken);
        if (export is null)
        {
            return problem!;
        }

        if (Problems.OverEventRate(request.HttpContext, limits, export.Builder.Events) is { } overRate)
        {
            return overRate;
        }

        var outcome = await ingest.HandAsync(export);
        if (outcome.Saturated)
        {
            return Problems.Saturated(request.HttpContext.Response);
        }

        return json
            ? TypedResults.Bytes(OtlpResponse.Json(outcome.Rejected, outcome.ErrorMessage), Json)
            : TypedResults.Bytes(OtlpResponse.Protobuf(outcome.Rejected, outcome.ErrorMessage), Protobuf);
    }
}
