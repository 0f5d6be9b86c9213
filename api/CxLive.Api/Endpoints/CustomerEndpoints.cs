using CxLive.Api.Access;
using CxLive.Api.Errors;
using CxLive.Domain;
using CxLive.Grains.Abstractions.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Customers");
        group.MapPut("/{id}", PutProfile)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("PutCustomer")
            .WithSummary("Create or replace a customer's profile")
            .WithDescription("Durable once acknowledged. Ids are 1-128 characters of [A-Za-z0-9._:@-].");
        group.MapGet("/{id}", GetCustomer)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetCustomer")
            .WithSummary("A customer's profile with its live experience state");
        return group;
    }

    internal static async Task<Results<Ok<CustomerDocument>, ValidationProblem>> PutProfile(string id, CustomerProfile profile, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequireId(id, "id");
        profile.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<ICustomerGrain>(id).SetProfile(profile));
    }

    internal static async Task<Results<Ok<CustomerDocument>, ValidationProblem, ProblemHttpResult>> GetCustomer(string id, IGrainFactory grains)
    {
        if (Problems.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var document = await grains.GetGrain<ICustomerGrain>(id).GetDocument();
        return document is null ? Problems.NotFound("customer", id) : TypedResults.Ok(document);
    }
}
