using System.Security.Claims;
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
        routes.MapGet("/api/v1/me", Me)
            .WithTags("Access")
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetCaller")
            .WithSummary("The calling key: its name, scopes and the account managers whose book it is bound to (empty: the whole fleet)");
        return group;
    }

    internal static Ok<CallerInfo> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new CallerInfo(Caller.Name(user), [.. user.FindAll(ScopeRequirement.ClaimType).Select(c => c.Value)], Caller.Book(user) ?? []));

    /// <summary>Scopes a key bound to account managers may hold: it reads and acts on its book; it neither ingests nor administers.</summary>
    public static readonly IReadOnlyList<string> BookScopes = [ApiKeyScope.Read, ApiKeyScope.Manage];

    public const int MaxAccountManagers = 50;

    internal static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateKey(CreateKeyRequest request, ApiKeyDirectory keys, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 100, "name", "'name' is required, at most 100 characters.");
        errors.Require(request.Scopes is { Count: > 0 and <= 10 }, "scopes", $"'scopes' needs at least one of: {string.Join(", ", ApiKeyScope.All)}.");
        foreach (var scope in (request.Scopes ?? []).Take(10))
        {
            errors.Require(ApiKeyScope.IsKnown(scope), "scopes", $"'{scope}' is not a scope; use {string.Join(", ", ApiKeyScope.All)}.");
        }

        var managers = request.AccountManagers ?? [];
        errors.Require(managers.Count <= MaxAccountManagers, "accountManagers", $"'accountManagers' names at most {MaxAccountManagers} account managers.");
        for (var i = 0; i < Math.Min(managers.Count, MaxAccountManagers); i++)
        {
            errors.RequireId(managers[i], $"accountManagers[{i}]");
        }

        if (managers.Count > 0)
        {
            errors.Require((request.Scopes ?? []).All(BookScopes.Contains), "scopes",
                $"A key bound to account managers holds only {string.Join(" and ", BookScopes)}: ingest and admin reach the whole fleet.");
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
            AccountManagers = [.. managers.Distinct(StringComparer.Ordinal)],
        };
        await keys.AddAsync(record);
        return TypedResults.Created($"/api/v1/keys/{id}", new CreatedKey(id, record.Name, record.Scopes, record.CreatedAt, key) { AccountManagers = record.AccountManagers });
    }

    internal static async Task<Ok<KeyList>> ListKeys(ApiKeyDirectory keys)
    {
        var snapshot = await keys.ListAsync();
        return TypedResults.Ok(new KeyList([.. snapshot.Keys.Select(k => new KeyInfo(k.Id, k.Name, k.Scopes, k.CreatedAt, k.RevokedAt) { AccountManagers = k.AccountManagers })]));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RevokeKey(string id, ApiKeyDirectory keys)
    {
        if (Problems.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await keys.RevokeAsync(id) ? TypedResults.NoContent() : Problems.NotFound("API key", id);
    }

    /// <summary>A new key: <see cref="AccountManagers"/> binds it to their book (read and manage only); omitted, it sees the whole fleet.</summary>
    internal sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? AccountManagers = null);

    internal sealed record CreatedKey(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string Key)
    {
        /// <summary>The account managers whose book the key sees; empty: the whole fleet.</summary>
        public IReadOnlyList<string> AccountManagers { get; init; } = [];
    }

    internal sealed record KeyInfo(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
    {
        /// <summary>The account managers whose book the key sees; empty: the whole fleet.</summary>
        public IReadOnlyList<string> AccountManagers { get; init; } = [];
    }

    internal sealed record KeyList(IReadOnlyList<KeyInfo> Items);

    /// <summary>Who the dashboard is: a key bound to account managers shows their book only.</summary>
    internal sealed record CallerInfo(string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> AccountManagers);
}
