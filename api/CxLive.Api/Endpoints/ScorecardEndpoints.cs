using System.Security.Claims;
using CxLive.Api.Access;
using CxLive.Api.Contracts;
using CxLive.Domain.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Endpoints;

/// <summary>
/// GET /api/v1/scorecard (SCORING.md 6): each touchpoint's internal measure beside the customers' experience of it,
/// in journey order, with the alignment and the gap in numbers.
/// </summary>
internal static class ScorecardEndpoints
{
    public static RouteGroupBuilder MapScorecardEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/scorecard").WithTags("Overview");
        group.MapGet("/", GetScorecard)
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("GetScorecard")
            .WithSummary("Internal KPI versus customers' experience per touchpoint: celebrate, blind-spot, known-issue, review-kpi");
        return group;
    }

    internal static async Task<Ok<Scorecard>> GetScorecard(IGrainFactory grains, ClaimsPrincipal user, IOptions<ScoringOptions> options)
    {
        var overview = await OverviewEndpoints.ReadAsync(grains, user);
        return TypedResults.Ok(new Scorecard(overview.AsOf, [.. overview.Touchpoints.Select(row => Row(row, options.Value))]));
    }

    internal static ScorecardRow Row(Grains.Abstractions.Fleet.TouchpointOverview row, ScoringOptions options)
    {
        var customers = row.Customers;
        var share = customers.Active == 0 ? 1 : 1 - ((double)customers.Disrupted / customers.Active);
        var revenueShare = customers.RevenueActive <= 0 ? share : 1 - (customers.RevenueDisrupted / customers.RevenueActive);
        var feedbackScore = row.Feedback?.Score;
        var externalHealthy = ScorecardAlignment.ExternalHealthy(share, row.Internal.SloTarget, feedbackScore, options.ExternalFeedbackFloor);
        var external = new ExternalMeasure(customers.Active, customers.Disrupted, share, revenueShare, customers.RevenueDisrupted,
            feedbackScore, row.Feedback?.Nps, row.Feedback?.Responses ?? 0, externalHealthy);
        var gap = new ScorecardGap(
            AvailabilityMinusShareNotDisrupted: row.Internal.Availability - share,
            SloTargetMinusShareNotDisrupted: row.Internal.SloTarget - share,
            AvailabilityMinusRevenueShare: row.Internal.Availability - revenueShare);
        return new ScorecardRow(row.Touchpoint, row.Name, row.Owner, row.JourneyStage, row.JourneyOrder, row.Internal.ToWire(), external,
            ScorecardAlignment.ToWire(ScorecardAlignment.Of(row.Internal.Healthy, externalHealthy)), gap);
    }

    internal sealed record Scorecard(DateTimeOffset AsOf, IReadOnlyList<ScorecardRow> Touchpoints);

    internal sealed record ScorecardRow(
        string Touchpoint,
        string? Name,
        string? Owner,
        string? JourneyStage,
        int? JourneyOrder,
        InternalKpi Internal,
        ExternalMeasure External,
        string Alignment,
        ScorecardGap Gap);

    /// <summary>The customers' side: share of active customers not disrupted (plain and revenue-weighted) and what they said.</summary>
    internal sealed record ExternalMeasure(
        int ActiveCustomers,
        int DisruptedCustomers,
        double ShareNotDisrupted,
        double RevenueWeightedShareNotDisrupted,
        double RevenueDisrupted,
        double? FeedbackScore,
        double? Nps,
        int Responses,
        bool Healthy);

    /// <summary>The gap as numbers: how much better the internal measure looks than the customers' experience.</summary>
    internal sealed record ScorecardGap(
        double AvailabilityMinusShareNotDisrupted,
        double SloTargetMinusShareNotDisrupted,
        double AvailabilityMinusRevenueShare);
}
