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

    /// <summary>Checks a route id; null when it is valid.</summary>
    public static ValidationProblem? InvalidId(string id, string field = "id")
    {
        var errors = new ValidationErrors();
        errors.RequireId(id, field);
        return errors.IsEmpty ? null : Invalid(errors);
    }
}
