using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Api.Errors;
using CxLive.Domain;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxLive.Api.Endpoints;

internal static class SilenceEndpoints
{
    public static RouteGroupBuilder MapSilenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/silences").WithTags("Alerts");
        group.MapPost("/", CreateSilence)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("CreateSilence")
            .WithSummary("Silence alerts matching a customer, touchpoint and/or reason until endsAt")
            .WithDescription("At least one of customerId, touchpoint, reason; endsAt in the future. Silenced alerts are recorded, not delivered.");
        group.MapGet("/", ListSilences)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("ListSilences")
            .WithSummary("Active silences (all kept ones with all=true)");
        group.MapDelete("/{id}", DeleteSilence)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("DeleteSilence")
            .WithSummary("End a silence now");
        return group;
    }

    internal static async Task<Results<Created<Silence>, ValidationProblem>> CreateSilence(SilenceRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.Require(request.CustomerId is not null || request.Touchpoint is not null || request.Reason is not null,
            "customerId", "A silence needs at least one of 'customerId', 'touchpoint', 'reason'.");
        if (request.CustomerId is not null)
        {
            errors.RequireId(request.CustomerId, "customerId");
        }

        if (request.Touchpoint is not null)
        {
            errors.RequireId(request.Touchpoint, "touchpoint");
        }

        errors.Require(request.Reason is null || AlertReasons.IsKnown(request.Reason), "reason", $"'reason' is one of {string.Join(", ", AlertReasons.All)}.");
        errors.Require(request.EndsAt is { } ends && ends > clock.GetUtcNow(), "endsAt", "'endsAt' is required and must lie in the future.");
        errors.RequireOptionalText(request.Comment, "comment", SilenceRequest.MaxCommentLength);
        if (Caller.Book(user) is not null && errors.IsEmpty)
        {
            // A touchpoint- or reason-wide silence would quiet other managers' alerts: a bound key silences its own customers.
            errors.Require(request.CustomerId is { } customer && await Books.HoldsAsync(grains, user, customer),
                "customerId", "A key bound to account managers silences customers of its own book only: 'customerId' names one.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var silence = await grains.SilenceRegistry().Add(new Grains.Abstractions.Alerts.Silence
        {
            Id = "new",
            CustomerId = request.CustomerId,
            Touchpoint = request.Touchpoint,
            Reason = request.Reason,
            StartsAt = clock.GetUtcNow(),
            EndsAt = request.EndsAt!.Value,
            Comment = request.Comment,
            CreatedBy = Caller.Name(user),
        });
        return TypedResults.Created($"/api/v1/silences/{silence.Id}", silence.ToWire());
    }

    internal static async Task<Ok<SilenceList>> ListSilences(IGrainFactory grains, ClaimsPrincipal user, bool? all)
    {
        var silences = await grains.SilenceRegistry().List(all ?? false);
        return TypedResults.Ok(new SilenceList([.. (await VisibleAsync(grains, user, silences)).Select(Wire.ToWire)]));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteSilence(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Caller.Book(user) is not null && !(await VisibleAsync(grains, user, await grains.SilenceRegistry().List(true))).Any(s => s.Id == id))
        {
            return Problems.NotFound("silence", id);
        }

        return await grains.SilenceRegistry().Remove(id) ? TypedResults.NoContent() : Problems.NotFound("silence", id);
    }

    /// <summary>All of them for a fleet-wide key; for a bound key, the silences of its book's customers.</summary>
    private static async Task<IReadOnlyList<Grains.Abstractions.Alerts.Silence>> VisibleAsync(
        IGrainFactory grains, ClaimsPrincipal user, IReadOnlyList<Grains.Abstractions.Alerts.Silence> silences)
    {
        if (Caller.Book(user) is null)
        {
            return silences;
        }

        var held = await Books.HeldAsync(grains, user, silences.Select(s => s.CustomerId).OfType<string>());
        return [.. silences.Where(s => s.CustomerId is { } c && held.Contains(c))];
    }

    internal sealed record SilenceRequest(string? CustomerId, string? Touchpoint, string? Reason, DateTimeOffset? EndsAt, string? Comment)
    {
        public const int MaxCommentLength = 500;
    }

    internal sealed record SilenceList(IReadOnlyList<Silence> Items);
}
