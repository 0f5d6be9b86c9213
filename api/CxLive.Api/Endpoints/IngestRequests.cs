using System.Text.Json;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

/// <summary>Reads the body of an ingest route's request and hands it to its parser.</summary>
internal static class IngestRequests
{
    public delegate T BodyParser<T>(ReadOnlySpan<byte> body);

    /// <summary>The Content-Type without parameters; empty when there is none.</summary>
    public static string MediaType(HttpRequest request) => request.ContentType?.Split(';')[0].Trim() ?? "";

    /// <summary>
    /// Reads the body (gzip, size limit: 413 by exception) and parses it; a problem instead for an unsupported
    /// Content-Encoding (415) or a body the parser cannot decode (400, titled <paramref name="undecodable"/>).
    /// </summary>
    public static async Task<(T? Outcome, ProblemHttpResult? Problem)> ParseAsync<T>(
        HttpRequest request, long maxBytes, BodyParser<T> parse, string undecodable, CancellationToken cancellationToken)
    {
        if (!RequestBody.IsSupportedEncoding(request, out var gzip))
        {
            return (default, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding", "Only 'gzip' is supported as Content-Encoding."));
        }

        using var body = await RequestBody.ReadAsync(request, gzip, maxBytes, cancellationToken);
        try
        {
            return (parse(body.Span), null);
        }
        catch (JsonException ex)
        {
            return (default, Problems.Status(StatusCodes.Status400BadRequest, undecodable, ProblemExceptionHandler.Describe(ex)));
        }
        catch (OtlpDecodeException ex)
        {
            return (default, Problems.Status(StatusCodes.Status400BadRequest, undecodable, ex.Message));
        }
    }
}
