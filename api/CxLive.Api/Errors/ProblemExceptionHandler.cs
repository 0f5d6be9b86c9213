using System.Text.Json;
using CxLive.Grains.Abstractions;
using Microsoft.AspNetCore.Diagnostics;

namespace CxLive.Api.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 ProblemDetails. Unreadable bodies are 400/413 naming the problem, an
/// unreachable cluster is 503 with Retry-After, anything else a 500 without internals. No stack trace leaves.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true; // the caller left; nobody reads an answer
        }

        var (status, title, detail) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogUnavailable(logger, exception.GetType().Name);
        }
        else if (status >= 500)
        {
            LogUnexpected(logger, exception);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    internal static (int Status, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "The body is too large", exception.Message),
        BadHttpRequestException { InnerException: JsonException json } => (400, "The body is not valid JSON", Describe(json)),
        BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
        JsonException json => (400, "The body is not valid JSON", Describe(json)),
        SiloUnavailableException or ClientNotAvailableException or OrleansMessageRejectionException
            or GatewayTooBusyException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException or StorageFailedException
            or Hosting.ClusterNotConnectedException
            => (503, "The cluster is unavailable", $"Try again in {RetryAfterSeconds} seconds."),
        _ => (500, "An unexpected error occurred", "The error was logged; the request may be retried."),
    };

    /// <summary>The parser's own words minus exception type names: where in the body, and what it found.</summary>
    internal static string Describe(JsonException json)
    {
        var message = json.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd();
        var where = new List<string>(3);
        if (json.Path is { Length: > 0 } path)
        {
            where.Add($"at {path}");
        }

        if (json.LineNumber is { } line)
        {
            where.Add($"line {line + 1}");
        }

        if (json.BytePositionInLine is { } position)
        {
            where.Add($"byte {position + 1}");
        }

        return where.Count == 0 ? message : $"{message} ({string.Join(", ", where)})";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503: the cluster is unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
