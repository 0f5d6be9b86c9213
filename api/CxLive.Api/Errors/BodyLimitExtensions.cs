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
        var limit = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxBodyBytes;
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException($"The body is {context.Request.ContentLength} bytes; the limit is {limit} (Ingest:MaxBodyBytes).", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            return next(context);
        });
        return app;
    }
}
