using CxLive.Api.Ingest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Errors;

internal static class BodyLimitExtensions
{
    /// <summary>
    /// Refuses declared oversize bodies up front and caps streamed ones at the same size, so a 413 never depends on
    /// which server hosts the api.
    /// </summary>
    public static WebApplication UseCxLiveBodyLimit(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
        app.Use((context, next) =>
        {
            var ingest = IsIngest(context.Request.Path);
            var limit = ingest ? options.MaxBodyBytes : Math.Min(options.MaxBodyBytes, options.MaxManageBodyBytes);
            if (context.Request.ContentLength > limit)
            {
                var setting = ingest ? "Ingest:MaxBodyBytes" : "Ingest:MaxManageBodyBytes";
                throw new BadHttpRequestException($"The body is {context.Request.ContentLength} bytes; the limit is {limit} ({setting}).", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The routes that take telemetry, spans and feedback: their bodies may be large.</summary>
    private static bool IsIngest(PathString path) =>
        path.StartsWithSegments("/api/v1/telemetry") || path.StartsWithSegments("/api/v1/feedback") || path.StartsWithSegments("/v1");
}
