using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Domain;
using CxLive.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

internal static class KeyEndpoints
{
    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithTags("Access").RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/", CreateKey).WithName("CreateKey").WithSummary("Create an API key; the key is shown once, only its hash is kept");
        group.MapGet("/", ListKeys).WithName("ListKeys").WithSummary("List API keys (never their secrets)");
        group.MapDelete("/{id}", RevokeKey).WithName("RevokeKey").WithSummary("Revoke an API key");
        return group;
    }

    internal static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateKey(CreateKeyRequest request, ApiKeyDirectory keys, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 100, "name", "'name' is required, at most 100 characters.");
        errors.Require(request.Scopes is { Count: > 0 }, "scopes", $"'scopes' needs at least one of: {string.Join(", ", ApiKeyScope.All)}.");
        foreach (var scope in request.Scopes ?? [])
        {
            errors.Require(ApiKeyScope.IsKnown(scope), "scopes", $"'{scope}' is not a scope; use {string.Join(", ", ApiKeyScope.All)}.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (id, key) = ApiKeySecret.Generate();
        var record = new ApiKey
        {
            Id = id,
            Name = request.Name!,
            SecretHash = ApiKeySecret.Hash(key),
            Scopes = [.. request.Scopes!.Distinct(StringComparer.Ordinal)],
            CreatedAt = clock.GetUtcNow(),
        };
        await keys.AddAsync(record);
        return TypedResults.Created($"/api/v1/keys/{id}", new CreatedKey(id, record.Name, record.Scopes, record.CreatedAt, key));
    }

    internal static async Task<Ok<KeyList>> ListKeys(ApiKeyDirectory keys)
    {
        var snapshot = await keys.ListAsync();
        return TypedResults.Ok(new KeyList([.. snapshot.Keys.Select(k => new KeyInfo(k.Id, k.Name, k.Scopes, k.CreatedAt, k.RevokedAt))]));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RevokeKey(string id, ApiKeyDirectory keys)
    {
        if (Problems.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await keys.RevokeAsync(id) ? TypedResults.NoContent() : Problems.NotFound("API key", id);
    }

    internal sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes);

    internal sealed record CreatedKey(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string Key);

    internal sealed record KeyInfo(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    internal sealed record KeyList(IReadOnlyList<KeyInfo> Items);
}
