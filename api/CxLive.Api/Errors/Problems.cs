using CxLive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Errors;

/// <summary>Typed problem results shared by the endpoints.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields");

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"No {what} '{id}' is known.");

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>The ingest pipeline is full: 503 with Retry-After, nothing of the batch kept.</summary>
    public static ProblemHttpResult Saturated(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return Status(StatusCodes.Status503ServiceUnavailable, "Ingest is saturated",
            "Too many accepted events are waiting to be delivered; nothing of this batch was kept. Retry after 1 second.");
    }

    /// <summary>429: the caller's key sent more events than RateLimits:IngestEventsPerSecond allows; nothing was kept.</summary>
    public static ProblemHttpResult RateLimited(HttpResponse response, int retryAfterSeconds)
    {
        response.Headers.RetryAfter = Access.KeyRateLimits.Header(retryAfterSeconds);
        return Status(StatusCodes.Status429TooManyRequests, "This key's event rate is used up",
            $"Nothing of this batch was kept. Retry after {retryAfterSeconds} s (RateLimits:IngestEventsPerSecond, RateLimits:BurstSeconds).");
    }

    /// <summary>
    /// Past the key's event rate: 429 with Retry-After when the batch fits a full bucket, else 413 (it never would).
    /// Null when the events were taken.
    /// </summary>
    public static ProblemHttpResult? OverEventRate(HttpContext context, Access.KeyRateLimits limits, int events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        if (events > limits.EventCapacity)
        {
            return Status(StatusCodes.Status413PayloadTooLarge, "The batch is larger than this key's event burst",
                $"{events} events in one batch; at most {limits.EventCapacity} fit (RateLimits:IngestEventsPerSecond x RateLimits:BurstSeconds). Split it.");
        }

        return limits.TryTakeEvents(context.User, events) is { } wait ? RateLimited(context.Response, wait) : null;
    }

    /// <summary>Checks a route id; null when it is valid.</summary>
    public static ValidationProblem? InvalidId(string id, string field = "id")
    {
        var errors = new ValidationErrors();
        errors.RequireId(id, field);
        return errors.IsEmpty ? null : Invalid(errors);
    }
}
