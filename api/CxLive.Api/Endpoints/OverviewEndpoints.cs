using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

internal static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/overview").WithTags("Overview");
        group.MapGet("/", GetOverview)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetOverview")
            .WithSummary("The fleet view: per touchpoint the internal KPI beside the customers disrupted and the revenue they carry");
        return group;
    }

    internal static async Task<Ok<OverviewDocument>> GetOverview(IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok((await ReadAsync(grains, user)).ToWire());

    /// <summary>The fleet's overview, or for a key bound to account managers the overview of their book.</summary>
    internal static Task<Grains.Abstractions.Fleet.OverviewDocument> ReadAsync(IGrainFactory grains, ClaimsPrincipal user) =>
        Caller.Book(user) is { } book ? grains.Overview().GetOverviewOf(book) : grains.Overview().GetOverview();
}
