using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Fleet;

namespace CxLive.Grains.Customers;

/// <summary>What others read of a customer, projected from its <see cref="CustomerModel"/>: document, list row, touchpoint rows.</summary>
internal static class CustomerViews
{
    public const int DocumentTimeline = 50;
    public const int DocumentFeedback = 20;

    public static CustomerDocument Document(CustomerModel customer, DateTimeOffset now)
    {
        var state = customer.State;
        var score = customer.Score;
        var rows = Rows(customer, now);
        return new CustomerDocument
        {
            CustomerId = customer.CustomerId,
            Profile = state.Profile?.ToMessage() ?? new CustomerProfile(),
            ProfileUpdatedAt = state.ProfileUpdatedAt,
            Touchpoints = rows,
            Timeline = [.. state.Timeline.AsEnumerable().Reverse().Take(DocumentTimeline).Select(e => e.ToMessage())],
            Disrupted = rows.Exists(r => r.Disrupted),
            Degraded = rows.Exists(r => r.Degraded),
            AsOf = now,
            ExperienceScore = score is null ? null : Math.Round(score.Score, 1),
            OperationalScore = score?.Operational,
            PerceptionScore = score?.Perception,
            Explanation = [.. (score?.Explanation ?? []).Select(c => new ScoreContributorView(c.Label, c.Touchpoint, Math.Round(c.Points, 1)))],
            Quadrant = state.Quadrant,
            Feedback = customer.Perception(now),
            RecentFeedback = [.. state.Feedback.AsEnumerable().Reverse().Take(DocumentFeedback).Select(f => f.ToMessage())],
            ScoreHistory = [.. state.ScoreHistory.Select(p => p.ToMessage())],
            OpenAlerts = customer.OpenAlerts,
        };
    }

    public static CustomerSummary Summary(CustomerModel customer)
    {
        var profile = customer.State.Profile;
        var experiences = customer.Experiences.ByTouchpoint;
        var disrupted = experiences.Where(e => e.Value.Disrupted).ToList();
        return new CustomerSummary
        {
            CustomerId = customer.CustomerId,
            Name = profile?.Name,
            AccountManager = profile?.AccountManager,
            AnnualRevenue = profile?.AnnualRevenue,
            PotentialRevenue = profile?.PotentialRevenue,
            Segment = profile?.Segment,
            Active = experiences.Values.Any(e => e.Active),
            Disrupted = disrupted.Count > 0,
            DisruptedTouchpoints = [.. disrupted.Select(e => e.Key)],
            DisruptedSince = disrupted.Count > 0 ? disrupted.Min(e => e.Value.DisruptedSince) : null,
            Degraded = experiences.Values.Any(e => e.Degraded),
            ExperienceScore = customer.PublishedScore,
            Quadrant = customer.State.Quadrant,
            DetractorSignals = customer.State.DetractorSignals,
            KnownFirst = customer.State.KnownFirst,
            LeadSecondsTotal = customer.State.LeadSecondsTotal,
        };
    }

    /// <summary>The customer's row of the customer index; <paramref name="siloKey"/> is where its live state is.</summary>
    public static CustomerIndexEntry IndexEntry(CustomerModel customer, string siloKey)
    {
        var experiences = customer.Experiences.ByTouchpoint;
        var live = experiences.Values.Any(e => e.Active || e.Disrupted || e.Degraded);
        return new CustomerIndexEntry(
            Summary(customer),
            [.. experiences.Select(e => new TouchpointPresence(e.Key, e.Value.Active, e.Value.Disrupted))],
            live ? siloKey : null);
    }

    public static List<TouchpointRow> Rows(CustomerModel customer, DateTimeOffset now)
    {
        var experiences = customer.Experiences.ByTouchpoint;
        var rows = new List<TouchpointRow>(experiences.Count);
        foreach (var (touchpoint, experience) in experiences.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var counts = experience.LongWindow(now);
            var shortWindow = experience.ShortWindow(now);
            var baseline = experience.Baseline;
            rows.Add(new TouchpointRow
            {
                Touchpoint = touchpoint,
                Events = counts.Total,
                BadRatio = counts.BadRatio,
                Sli = 1 - counts.BadRatio,
                Disrupted = experience.Disrupted,
                DisruptedSince = experience.DisruptedSince,
                Degraded = experience.Degraded,
                BaselineBadRatio = baseline.BadRatioMinutes > 0 ? baseline.BadRatio : null,
                BaselineMedianLatencyMs = baseline.LatencyMinutes > 0 ? baseline.MedianLatencyMs : null,
                MedianLatencyMs = experience.MedianLatencyMs,
                ShortWindowEvents = shortWindow.Total,
                ShortWindowBadRatio = shortWindow.BadRatio,
                Threshold = customer.Threshold(touchpoint),
            });
        }

        return rows;
    }
}
