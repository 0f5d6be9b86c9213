using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Alerts;
using CxLive.Api.Contracts;
using CxLive.Api.Errors;
using CxLive.Domain;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;
using Alert = CxLive.Api.Contracts.Alert;

namespace CxLive.Api.Endpoints;

internal static class AlertEndpoints
{
    public const int MaxNoteLength = 2000;
    public const int MaxLimit = 2000;

    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/alerts").WithTags("Alerts");
        group.MapGet("/", ListAlerts)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("ListAlerts")
            .WithSummary("Alerts, filtered by state, account manager (owner or escalation owner) and customer; newest first")
            .WithDescription("state: open, acknowledged, resolved; limit 1-2000 (default 500). Each alert carries its webhook delivery state.");
        group.MapGet("/{id}", GetAlert)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetAlert")
            .WithSummary("One alert with its evidence, history and delivery state");
        group.MapPost("/{id}/ack", Acknowledge)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an open alert (stops its escalation)")
            .WithDescription("Body: {\"note\": \"...\"} (optional). 409 when the alert is already acknowledged or resolved.");
        group.MapPost("/{id}/resolve", Resolve)
            .RequireAuthorization(AccessPolicies.Manage)
            .WithName("ResolveAlert")
            .WithSummary("Resolve an open or acknowledged alert")
            .WithDescription("Body: {\"note\": \"...\"} (optional). 409 when the alert is already resolved.");
        return group;
    }

    internal static async Task<Results<Ok<AlertList>, ValidationProblem>> ListAlerts(
        IGrainFactory grains, AlertDeliveries deliveries, ClaimsPrincipal user, string? state, string? accountManager, string? customerId, int? limit)
    {
        var errors = new ValidationErrors();
        errors.Require(state is null || AlertStates.IsKnown(state), "state", $"'state' is one of {string.Join(", ", AlertStates.All)}.");
        if (accountManager is not null)
        {
            errors.RequireId(accountManager, "accountManager");
        }

        if (customerId is not null)
        {
            errors.RequireId(customerId, "customerId");
        }

        errors.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"'limit' is between 1 and {MaxLimit}.");
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (accountManager is not null && !Caller.Sees(user, accountManager))
        {
            return TypedResults.Ok(new AlertList([]));
        }

        var query = new AlertQuery { State = state, AccountManager = accountManager, AccountManagers = Caller.Book(user), CustomerId = customerId, Limit = limit ?? 500 };
        var summaries = await grains.AlertIndex().Query(query);
        var found = new Dictionary<string, Grains.Abstractions.Alerts.Alert>(StringComparer.Ordinal);
        foreach (var customer in summaries.GroupBy(s => s.CustomerId, StringComparer.Ordinal))
        {
            foreach (var alert in await grains.GetGrain<ICustomerAlertsGrain>(customer.Key).Find([.. customer.Select(s => s.Id)]))
            {
                found[alert.Id] = alert;
            }
        }

        // The index's order (newest first); its brief rows may trail the alerts by a moment, so filter again.
        var items = summaries
            .Select(s => found.GetValueOrDefault(s.Id))
            .OfType<Grains.Abstractions.Alerts.Alert>()
            .Where(a => (state is null || a.State == state) && Visible(user, a))
            .ToList();
        return TypedResults.Ok(new AlertList((await deliveries.AttachAsync(items)).ToWire()));
    }

    internal static async Task<Results<Ok<Alert>, ProblemHttpResult>> GetAlert(string id, ClaimsPrincipal user, IGrainFactory grains, AlertDeliveries deliveries)
    {
        if (AlertIds.CustomerOf(id) is not { } customer)
        {
            return Problems.NotFound("alert", id);
        }

        var alerts = await grains.GetGrain<ICustomerAlertsGrain>(customer).Find([id]);
        return alerts.Count == 0 || !Visible(user, alerts[0]) ? Problems.NotFound("alert", id) : TypedResults.Ok((await deliveries.AttachAsync(alerts[0])).ToWire());
    }

    internal static Task<Results<Ok<Alert>, ProblemHttpResult, ValidationProblem>> Acknowledge(
        string id, AlertNote? body, ClaimsPrincipal user, IGrainFactory grains, AlertDeliveries deliveries) =>
        ChangeAsync(id, body, user, deliveries, (alerts, note) => alerts.Acknowledge(id, Caller.Name(user), note), grains);

    internal static Task<Results<Ok<Alert>, ProblemHttpResult, ValidationProblem>> Resolve(
        string id, AlertNote? body, ClaimsPrincipal user, IGrainFactory grains, AlertDeliveries deliveries) =>
        ChangeAsync(id, body, user, deliveries, (alerts, note) => alerts.Resolve(id, Caller.Name(user), note), grains);

    private static async Task<Results<Ok<Alert>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        string id, AlertNote? body, ClaimsPrincipal user, AlertDeliveries deliveries, Func<ICustomerAlertsGrain, string?, Task<AlertChangeResult>> change, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequireOptionalText(body?.Note, "note", MaxNoteLength);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (AlertIds.CustomerOf(id) is not { } customer)
        {
            return Problems.NotFound("alert", id);
        }

        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim();
        var alerts = grains.GetGrain<ICustomerAlertsGrain>(customer);
        if (Caller.Book(user) is not null && !(await alerts.Find([id])).Any(a => Visible(user, a)))
        {
            return Problems.NotFound("alert", id); // another manager's alert is not there for this key
        }

        var result = await change(alerts, note);
        return result switch
        {
            { Alert: null } => Problems.NotFound("alert", id),
            { Conflict: { } conflict, Alert: { } alert } => Problems.Status(StatusCodes.Status409Conflict, "The alert cannot make that change", $"{conflict} (state: {alert.State})"),
            { Alert: { } changed } => TypedResults.Ok((await deliveries.AttachAsync(changed)).ToWire()),
        };
    }

    /// <summary>An alert is in a key's book when its owner or its escalation owner is.</summary>
    private static bool Visible(ClaimsPrincipal user, Grains.Abstractions.Alerts.Alert alert) => Caller.Sees(user, alert.AccountManager, alert.EscalatedTo);

    internal sealed record AlertNote(string? Note);

    internal sealed record AlertList(IReadOnlyList<Alert> Items);
}
