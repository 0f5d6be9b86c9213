using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CxLive.Api.Hosting;

/// <summary>
/// The OpenAPI document describes numbers as the api writes them: JSON numbers. ASP.NET Core's web defaults also read
/// numbers written as strings, which the generated schemas spell as <c>["integer", "string"]</c> with a pattern; for
/// the clients generated from the document (the dashboard's wire types) that alternative is never sent, so it leaves.
/// Reading stays as tolerant as before.
/// </summary>
internal sealed class WrittenNumbers : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
