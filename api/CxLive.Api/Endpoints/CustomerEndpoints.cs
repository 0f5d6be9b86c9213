using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Api.Errors;
using CxLive.Api.Ingest;
using CxLive.Domain;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.AspNetCore.Http.HttpResults;
using CustomerDocument = CxLive.Api.Contracts.CustomerDocument;
using CustomerList = CxLive.Api.Contracts.CustomerList;
using CustomerProfile = CxLive.Api.Contracts.CustomerProfile;

namespace CxLive.Api.Endpoints;

internal static class CustomerEndpoints
{
    public const int MaxLimit = 5000;

    /// <summary>The quadrants of SCORING.md 5.</summary>
    public static readonly IReadOnlyList<string> Quadrants = ["model", "growth", "at-risk", "dangling"];

    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Customers");
        group.MapGet("/", ListCustomers)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("ListCustomers")
            .WithSummary("Customers, filtered by quadrant, disruption and account manager")
            .WithDescription("sort: revenue, score, name (case-insensitive, by its first 10 characters), id, disruptedSince ('-' prefix for descending; ties by id in the same direction); default: disrupted first, then the most revenue. limit 1-5000 (default 100). Answered from the customer index in storage, so a list never loads the fleet into one place.");
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

    /// <summary>
    /// Whether the customer index has the customer; when the index cannot answer (its store restarting), true, so a
    /// known customer is still read from its grain (an unknown one then activates once, and stores nothing).
    /// </summary>
    private static async Task<bool> IndexedAsync(IGrainFactory grains, string id)
    {
        try
        {
            return (await grains.CustomerDirectory().Existing([id])).Count > 0;
        }
        catch (StorageFailedException)
        {
            return true;
        }
    }

    internal static async Task<Results<Ok<CustomerList>, ValidationProblem>> ListCustomers(
        IGrainFactory grains, ClaimsPrincipal user, string? quadrant, bool? disrupted, string? accountManager, string? sort, int? limit, int? offset)
    {
        var errors = new ValidationErrors();
        errors.Require(quadrant is null || Quadrants.Contains(quadrant), "quadrant", $"'quadrant' is one of {string.Join(", ", Quadrants)}.");
        if (accountManager is not null)
        {
            errors.RequireId(accountManager, "accountManager");
        }

        errors.Require(CustomerSort.IsValid(sort), "sort", $"'sort' is one of {string.Join(", ", CustomerSort.Keys)}, with '-' in front for descending.");
        errors.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"'limit' is between 1 and {MaxLimit}.");
        errors.Require(offset is null or >= 0, "offset", "'offset' is 0 or more.");
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (accountManager is not null && !Caller.Sees(user, accountManager))
        {
            return TypedResults.Ok(new CustomerList([], 0)); // another book: nothing of it is this key's to see
        }

        var query = new CustomerQuery
        {
            Quadrant = quadrant,
            Disrupted = disrupted,
            AccountManager = accountManager,
            AccountManagers = Caller.Book(user),
            Sort = sort,
            Limit = limit ?? 100,
            Offset = offset ?? 0,
        };
        return TypedResults.Ok((await grains.CustomerDirectory().Query(query)).ToWire());
    }

    internal static async Task<Results<Ok<CustomerDocument>, ValidationProblem, ProblemHttpResult>> PutProfile(
        string id, CustomerProfile profile, ClaimsPrincipal user, IGrainFactory grains, CustomerAdmission admission)
    {
        var errors = new ValidationErrors();
        errors.RequireId(id, "id");
        profile.Validate(errors);
        if (Caller.Book(user) is { } book)
        {
            errors.Require(Caller.Sees(user, profile.AccountManager), "accountManager", $"A key bound to account managers sets profiles of its own book only: 'accountManager' is one of {string.Join(", ", book)}.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (Caller.Book(user) is not null && await grains.GetGrain<ICustomerGrain>(id).GetDocument() is { } existing && !Caller.Sees(user, existing.Profile.AccountManager))
        {
            return Problems.NotFound("customer", id); // another manager's customer is not there for this key
        }

        if (!admission.HasPassed(id) && await admission.AdmitAsync([id], creating: true) is var (admitted, why) && !admitted.Contains(id))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "The fleet is full", why(id));
        }

        return TypedResults.Ok((await grains.GetGrain<ICustomerGrain>(id).SetProfile(profile.ToMessage())).ToWire());
    }

    internal static async Task<Results<Ok<CustomerDocument>, ValidationProblem, ProblemHttpResult>> GetCustomer(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Problems.InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        if (!await IndexedAsync(grains, id))
        {
            return Problems.NotFound("customer", id); // asked of the index: an unknown id activates and stores nothing
        }

        var document = await grains.GetGrain<ICustomerGrain>(id).GetDocument();
        return document is null || !Caller.Sees(user, document.Profile.AccountManager) ? Problems.NotFound("customer", id) : TypedResults.Ok(document.ToWire());
    }
}
