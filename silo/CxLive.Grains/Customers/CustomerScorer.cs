using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Customers;

/// <summary>
/// A customer's experience score, its explanation and quadrant (SCORING.md 3-5), from the grain's state: the
/// judgement is Domain's; this only gathers its inputs and caches the perception, which moves slowly.
/// </summary>
internal sealed class CustomerScorer(ScoringOptions options, TouchpointCatalog catalog, Func<double> revenueLine)
{
    private static readonly TimeSpan PerceptionRefresh = TimeSpan.FromMinutes(10);
    private PerceptionSummary? _perception;
    private DateTimeOffset _perceptionAt;

    public PerceptionSummary Perception(CustomerState state, DateTimeOffset now)
    {
        if (_perception is null || now - _perceptionAt > PerceptionRefresh)
        {
            _perception = Domain.Scoring.Perception.Summarize(state.Feedback.Select(Signal), now, options);
            _perceptionAt = now;
        }

        return _perception;
    }

    public void FeedbackChanged() => _perception = null;

    public (ExperienceScore? Score, string? Quadrant) Compute(CustomerState state, CustomerExperiences experiences, DateTimeOffset now)
    {
        var touchpoints = new List<TouchpointHealth>(experiences.ByTouchpoint.Count);
        foreach (var (touchpoint, experience) in experiences.ByTouchpoint)
        {
            var counts = experience.LongWindow(now);
            if (counts.Total == 0)
            {
                continue;
            }

            var (_, sloTarget, weight) = catalog.Definition(touchpoint).Effective();
            touchpoints.Add(new TouchpointHealth(touchpoint, weight, counts.BadRatio, sloTarget, experience.Disrupted, counts.Total));
        }

        var score = ExperienceScoring.Compute(touchpoints, Perception(state, now), options);
        var profile = state.Profile;
        var quadrant = Quadrants.Classify(score?.Score, profile?.AnnualRevenue, profile?.PotentialRevenue, revenueLine(), options);
        return (score, quadrant is { } q ? Quadrants.ToWire(q) : null);
    }

    public static FeedbackSignal Signal(FeedbackItem item) => Signal(item.Timestamp, item.Kind, item.Score, item.Channel, item.Program, item.Touchpoint);

    public static FeedbackSignal Signal(FeedbackRecord item) => Signal(item.Timestamp, item.Kind, item.Score, item.Channel, item.Program, item.Touchpoint);

    private static FeedbackSignal Signal(DateTimeOffset at, string word, double? score, string? channel, string? program, string? touchpoint)
    {
        // Stored items were validated on the way in; an unknown word (from a future version, say) reads as a comment.
        var kind = FeedbackKinds.TryParse(word, out var parsed) ? parsed : FeedbackKind.Comment;
        return new FeedbackSignal(at, kind, score, channel, program, touchpoint);
    }

    public static PerceptionView View(PerceptionSummary perception) => new()
    {
        Nps = perception.Nps,
        Csat = perception.Csat,
        Ces = perception.Ces,
        Responses = perception.Responses,
        Promoters = perception.Promoters,
        Detractors = perception.Detractors,
        Complaints = perception.Complaints,
        Praise = perception.Praise,
        Score = perception.Score,
        ByChannel = perception.ByChannel.ToDictionary(b => b.Key, b => new BreakdownView(b.Value.Responses, b.Value.Nps, b.Value.Csat)),
        ByProgram = perception.ByProgram.ToDictionary(b => b.Key, b => new BreakdownView(b.Value.Responses, b.Value.Nps, b.Value.Csat)),
    };

    /// <summary>
    /// Stamps an arriving item with the evidence of the moment (the customer's touchpoint verdicts) and, for a complaint
    /// or detractor, whether CxLive had flagged the customer first (SCORING.md 3, "knew first").
    /// </summary>
    public FeedbackItem Receive(FeedbackItem item, CustomerState state, CustomerExperiences experiences, DateTimeOffset now)
    {
        var evidence = experiences.ByTouchpoint
            .Where(e => e.Value.Active || e.Value.Disrupted)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e =>
            {
                var counts = e.Value.LongWindow(now);
                return new FeedbackEvidence(e.Key, e.Value.Disrupted, e.Value.Degraded, counts.BadRatio, counts.Total, e.Value.DisruptedSince);
            })
            .ToList();
        if (!Signal(item).IsDetractor)
        {
            return item with { Evidence = evidence };
        }

        // When the customer said it (the item's timestamp, up to 5 minutes ahead is accepted), not when it reached us.
        var said = item.Timestamp;
        var flags = KnewFirst.FromTimeline(state.Timeline.Select(t => (t.At, t.Kind, t.Touchpoint)));
        var lead = KnewFirst.LeadTime(flags, said, item.Touchpoint, TimeSpan.FromHours(options.KnewFirstLookbackHours));
        return item with { Evidence = evidence, KnownFirst = lead is not null, LeadSeconds = lead?.TotalSeconds };
    }
}
