using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Api.Errors;
using CxLive.Domain;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Touchpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using TouchpointDefinition = CxLive.Api.Contracts.TouchpointDefinition;
using TouchpointDocument = CxLive.Api.Contracts.TouchpointDocument;

namespace CxLive.Api.Endpoints;

internal static class TouchpointEndpoints
{
    public static RouteGroupBuilder MapTouchpointEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/touchpoints").WithTags("Touchpoints");
        group.MapPut("/{id}", PutDefinition)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("PutTouchpoint")
            .WithSummary("Create or replace a touchpoint's definition")
            .WithDescription("latencyThresholdMs makes an interaction 'slow'; sloTarget is the internal KPI target; weight its importance in the score.");
        group.MapGet("/{id}", GetTouchpoint)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetTouchpoint")
            .WithSummary("A touchpoint's definition with its live overview row");
        return group;
    }

    internal static async Task<Results<Ok<TouchpointDocument>, ValidationProblem>> PutDefinition(string id, TouchpointDefinition definition, IGrainFactory grains, TouchpointCatalogRefresher catalog)
    {
        var errors = new ValidationErrors();
        errors.RequireId(id, "id");
        definition.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var document = await grains.GetGrain<ITouchpointGrain>(id).SetDefinition(definition.ToMessage());
        await catalog.RefreshAsync(); // this process judges with the new threshold at once
        return TypedResults.Ok(document.ToWire());
    }

    internal static async Task<Results<Ok<TouchpointDocument>, ValidationProblem, ProblemHttpResult>> GetTouchpoint(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Problems.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var document = await grains.GetGrain<ITouchpointGrain>(id).GetDocument();
        if (document is not null && Caller.Book(user) is not null)
        {
            // The book's customers on it, not the fleet's.
            var book = await OverviewEndpoints.ReadAsync(grains, user);
            document = document with { Overview = book.Touchpoints.FirstOrDefault(t => t.Touchpoint == id) };
        }

        return document is null ? Problems.NotFound("touchpoint", id) : TypedResults.Ok(document.ToWire());
    }
}
