using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using IWebhookDirectoryGrain = CxLive.Grains.Abstractions.Alerts.IWebhookDirectoryGrain;

namespace CxLive.Api.Endpoints;

internal static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks");
        group.MapGet("/", ListTargets)
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("ListWebhookTargets")
            .WithSummary("The configured webhook targets: name, endpoint (no credentials or query) and owners; never secrets");
        group.MapGet("/dead-letters", ListDeadLetters)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("ListWebhookDeadLetters")
            .WithSummary("Alert changes a webhook target never accepted: refused (4xx) or given up after Webhooks:MaxAttempts tries");
        return group;
    }

    internal static async Task<Ok<WebhookTargetList>> ListTargets(IGrainFactory grains) =>
        TypedResults.Ok(new WebhookTargetList([.. (await Outbox(grains).GetTargets()).Select(Wire.ToWire)]));

    internal static async Task<Ok<WebhookDeliveryList>> ListDeadLetters(IGrainFactory grains, ClaimsPrincipal user)
    {
        var letters = await Outbox(grains).GetDeadLetters();
        if (Caller.Book(user) is not null)
        {
            // A bound key sees the dead letters of its book's customers' alerts only.
            var held = await Books.HeldAsync(grains, user, letters.Select(l => AlertIds.CustomerOf(l.AlertId)).OfType<string>());
            letters = [.. letters.Where(l => AlertIds.CustomerOf(l.AlertId) is { } c && held.Contains(c))];
        }

        return TypedResults.Ok(new WebhookDeliveryList([.. letters.Select(Wire.ToWire)]));
    }

    private static IWebhookDirectoryGrain Outbox(IGrainFactory grains) => grains.WebhookDirectory();

    internal sealed record WebhookTargetList(IReadOnlyList<WebhookTargetView> Items);

    internal sealed record WebhookDeliveryList(IReadOnlyList<WebhookDelivery> Items);
}
