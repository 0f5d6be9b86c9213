namespace CxLive.Domain.Scoring;

/// <summary>
/// Perception (e.g. of a touchpoint) without storing the feedback: the recency-weighted sums of <see cref="Perception"/>
/// kept as running sums as of the last update. Moving the clock forward by <c>elapsed</c> scales every sum by
/// <c>2^(-elapsed / FeedbackHalfLifeDays)</c>, which is exactly what each signal's weight <c>2^(-age / half-life)</c> does,
/// so <see cref="Summarize"/> matches <see cref="Perception.Summarize"/> over the same signals. A signal older than the
/// last update enters with weight <c>2^(-(last update - At) / half-life)</c>. Reading at a time before the last update
/// does not decay (signals newer than that time weigh as if read at the last update).
/// <see cref="PerceptionSummary.ByChannel"/> and <see cref="PerceptionSummary.ByProgram"/> are empty.
/// </summary>
public sealed class DecayingPerception
{
    private static readonly IReadOnlyDictionary<string, PerceptionBreakdown> NoBreakdown = new Dictionary<string, PerceptionBreakdown>(StringComparer.Ordinal);

    private readonly ScoringOptions _options;
    private readonly PerceptionTally _tally = new();
    private DateTimeOffset? _lastUpdate;

    public DecayingPerception(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public static DecayingPerception FromState(DecayingPerceptionState state, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        var perception = new DecayingPerception(options) { _lastUpdate = state.LastUpdate };
        var tally = perception._tally;
        tally.PromoterWeight = state.PromoterWeight;
        tally.DetractorWeight = state.DetractorWeight;
        tally.ComplaintWeight = state.ComplaintWeight;
        tally.NpsPoolWeight = state.NpsPoolWeight;
        tally.CsatGoodWeight = state.CsatGoodWeight;
        tally.CsatWeight = state.CsatWeight;
        tally.CesWeightedSum = state.CesWeightedSum;
        tally.CesWeight = state.CesWeight;
        tally.Responses = state.Responses;
        tally.Promoters = state.Promoters;
        tally.Detractors = state.Detractors;
        tally.Complaints = state.Complaints;
        tally.Praise = state.Praise;
        return perception;
    }

    public DecayingPerceptionState ToState() => new(
        _lastUpdate,
        _tally.PromoterWeight,
        _tally.DetractorWeight,
        _tally.ComplaintWeight,
        _tally.NpsPoolWeight,
        _tally.CsatGoodWeight,
        _tally.CsatWeight,
        _tally.CesWeightedSum,
        _tally.CesWeight,
        _tally.Responses,
        _tally.Promoters,
        _tally.Detractors,
        _tally.Complaints,
        _tally.Praise);

    public void Add(FeedbackSignal signal)
    {
        DecayTo(signal.At);
        _tally.Add(signal, Perception.RecencyWeight(signal.At, _lastUpdate!.Value, _options));
    }

    /// <summary>Nps, Csat, Ces and Score as <see cref="Perception.Summarize"/> computes them; counts are plain counts.</summary>
    public PerceptionSummary Summarize(DateTimeOffset now)
    {
        if (_tally.Responses == 0)
        {
            return PerceptionSummary.Empty;
        }

        DecayTo(now);
        return _tally.ToSummary(NoBreakdown, NoBreakdown);
    }

    private void DecayTo(DateTimeOffset time)
    {
        if (_lastUpdate is not { } last)
        {
            _lastUpdate = time;
            return;
        }

        if (time > last)
        {
            _tally.Scale(Perception.RecencyWeight(last, time, _options));
            _lastUpdate = time;
        }
    }
}
