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

    internal static async Task<Ok<OverviewDocument>> GetOverview(IGrainFactory grains) =>
        TypedResults.Ok((await grains.Overview().GetOverview()).ToWire());
}
