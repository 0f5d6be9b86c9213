using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Customers;

/// <summary>
/// One customer, without the grain: its persisted state, its telemetry windows and what its alert grain last said.
/// Every change goes through a method that returns what it changed (<see cref="CustomerLook"/>, <see cref="FeedbackIntake"/>);
/// the grain persists and notifies. Time is an argument, so tests drive it with any clock.
/// </summary>
internal sealed class CustomerModel
{
    private readonly CustomerRules _rules;
    private readonly CustomerScorer _scorer;
    private double? _publishedScore;
    private HashSet<string>? _feedbackIds;

    /// <summary>The alert conditions of the last look (null after activation): what counts as fresh evidence.</summary>
    private IReadOnlyList<AlertCondition>? _alertConditions;

    public CustomerModel(string customerId, CustomerState state, TelemetryCheckpoint checkpoint, CustomerRules rules)
    {
        CustomerId = customerId;
        State = state;
        Checkpoint = checkpoint;
        _rules = rules;
        _scorer = new CustomerScorer(rules.Scoring, rules.Catalog, () => rules.RevenueLine);
        Experiences = new CustomerExperiences(rules.Telemetry, rules.Disruption);
        Experiences.RestoreFrom(checkpoint.Experiences);
        checkpoint.Experiences = []; // the live windows are the state from here, not this copy
        state.Upgrade();
        _publishedScore = state.ScoreHistory.Count > 0 ? state.ScoreHistory[^1].Score : null;

        // Builds before alert memory moved to the checkpoint kept it with the state: taken over once.
        if (state.AlertHolding is not null || state.OpenAlerts is not null)
        {
            checkpoint.AlertHolding ??= state.AlertHolding;
            checkpoint.OpenAlerts ??= state.OpenAlerts;
            (state.AlertHolding, state.OpenAlerts) = (null, null);
            CheckpointDirty = true;
        }
    }

    public string CustomerId { get; }

    public CustomerState State { get; }

    /// <summary>The telemetry windows' checkpoint and the alert memory that travels with it.</summary>
    public TelemetryCheckpoint Checkpoint { get; }

    public CustomerExperiences Experiences { get; }

    public ExperienceScore? Score { get; private set; }

    /// <summary>The score as last published (rounded; it joined the history), null before the first.</summary>
    public double? PublishedScore => _publishedScore;

    /// <summary>True when something of the checkpoint (counts, alert memory) changed since it was last written.</summary>
    public bool CheckpointDirty { get; set; }

    public IReadOnlyList<AlertSummary> OpenAlerts => Checkpoint.OpenAlerts ?? [];

    public bool IsKnown => State.Profile is not null || Experiences.ByTouchpoint.Count > 0 || State.Feedback.Count > 0;

    public void SetProfile(CustomerProfile profile, DateTimeOffset now)
    {
        State.Profile = profile.ToRecord();
        State.ProfileUpdatedAt = now;
        State.FirstSeenAt ??= now;
        Rescore(now);
    }

    /// <summary>Adds a flush's counts; returns how many slots it recorded.</summary>
    public int Ingest(CustomerTelemetry telemetry, DateTimeOffset now)
    {
        var slots = 0;
        foreach (var touchpoint in telemetry.Touchpoints)
        {
            var experience = Experiences.For(touchpoint.Touchpoint);
            foreach (var slot in touchpoint.Slots)
            {
                experience.Record(slot.Slot, slot.Total, slot.Errors, slot.Slow);
            }

            if (touchpoint.MedianLatencyMs is { } median)
            {
                experience.RecordMedian(now, median);
            }

            slots += touchpoint.Slots.Length;
        }

        CheckpointDirty = true;
        State.FirstSeenAt ??= now;
        return slots;
    }

    /// <summary>Re-judges every touchpoint, then score, quadrant and alert conditions.</summary>
    public CustomerLook Look(DateTimeOffset now)
    {
        List<TimelineRecord>? transitions = null; // most looks change nothing: no list for them
        var entered = 0;
        var changed = false;
        foreach (var (touchpoint, experience) in Experiences.ByTouchpoint)
        {
            var change = experience.Evaluate(now, _rules.SloTarget(touchpoint));
            if (!change.Any)
            {
                continue;
            }

            changed = true;
            if (Describe(touchpoint, experience, change, now) is { } entry)
            {
                State.AddToTimeline(entry);
                (transitions ??= []).Add(entry);
                entered += change.Disruption == DisruptionTransition.Entered ? 1 : 0;
            }
        }

        var (scoreMoved, quadrantChanged) = Rescore(now);
        var (alerts, holding) = ObserveAlerts(now, detractor: null);
        return new CustomerLook(transitions ?? [], entered, changed || scoreMoved || quadrantChanged, transitions is not null || quadrantChanged, alerts, holding);
    }

    /// <summary>Stores feedback new to this customer, stamped with the evidence of the moment; rescored.</summary>
    public FeedbackIntake Receive(IReadOnlyList<FeedbackItem> items, DateTimeOffset now)
    {
        _feedbackIds ??= new HashSet<string>(State.FeedbackIds, StringComparer.Ordinal);
        var stored = 0;
        var byTouchpoint = new Dictionary<string, List<TouchpointFeedback>>(StringComparer.Ordinal);
        AlertFeedbackFact? detractor = null;
        foreach (var item in items)
        {
            if (!_feedbackIds.Add(item.Id))
            {
                continue;
            }

            var received = _scorer.Receive(item, State, Experiences, now);
            State.AddFeedback(received.ToRecord());
            if (received.KnownFirst is { } knownFirst)
            {
                State.DetractorSignals++;
                State.KnownFirst += knownFirst ? 1 : 0;
                State.LeadSecondsTotal += received.LeadSeconds ?? 0;
                detractor = new AlertFeedbackFact(received.Kind, received.Touchpoint);
            }

            if (received.Touchpoint is { } touchpoint)
            {
                if (!byTouchpoint.TryGetValue(touchpoint, out var list))
                {
                    list = [];
                    byTouchpoint[touchpoint] = list;
                }

                list.Add(new TouchpointFeedback(received.Timestamp, received.Kind, received.Score));
            }

            stored++;
        }

        _feedbackIds = null; // rebuilt from the trimmed list on the next call
        if (stored == 0)
        {
            return new FeedbackIntake(0, items.Count, new Dictionary<string, TouchpointFeedback[]>(), null, []);
        }

        State.FirstSeenAt ??= now;
        _scorer.FeedbackChanged();
        Rescore(now);
        var (alerts, holding) = ObserveAlerts(now, detractor);
        return new FeedbackIntake(stored, items.Count - stored, byTouchpoint.ToDictionary(t => t.Key, t => t.Value.ToArray(), StringComparer.Ordinal), alerts, holding);
    }

    /// <summary>
    /// Asks the alert rules; returns the observation for the customer's alert grain when a condition came, went or has
    /// fresh evidence (else null), and the reasons holding, to remember once the grain took it.
    /// </summary>
    public (AlertObservation? Observation, IReadOnlyList<string> Holding) ObserveAlerts(DateTimeOffset now, AlertFeedbackFact? detractor)
    {
        IReadOnlyCollection<string> holding = Checkpoint.AlertHolding ?? [];
        var touchpoints = new List<AlertTouchpointFact>(Experiences.ByTouchpoint.Count);
        foreach (var (touchpoint, experience) in Experiences.ByTouchpoint)
        {
            touchpoints.Add(new AlertTouchpointFact(touchpoint, experience.Disrupted, experience.DisruptedSince, experience.Degraded));
        }

        var facts = new AlertFacts(now, State.Profile?.AnnualRevenue ?? 0, touchpoints, State.Quadrant, Score?.Score, State.ScoreHistory.Select(p => (p.At, p.Score)), detractor);
        var conditions = _rules.AlertRules.Evaluate(facts, holding);
        var edges = AlertRules.Compare(holding, _alertConditions, conditions, detractor is not null);
        _alertConditions = conditions;
        if (edges.IsEmpty)
        {
            return (null, []); // nothing for the alert grain, so nothing to remember
        }

        return (new AlertObservation
        {
            At = now,
            Owner = State.Profile?.AccountManager ?? _rules.Alerts.DefaultOwner,
            Raised = [.. edges.Raised.Select(AlertSignal.From)],
            Fresh = [.. edges.Fresh.Select(AlertSignal.From)],
            Cleared = edges.Cleared,
            Evidence = new AlertEvidence
            {
                Touchpoints = CustomerViews.Rows(this, now),
                Feedback = [.. State.Feedback.AsEnumerable().Reverse().Take(_rules.Alerts.EvidenceFeedback).Select(f => f.ToMessage())],
                AnnualRevenue = State.Profile?.AnnualRevenue,
                ExperienceScore = _publishedScore,
                Quadrant = State.Quadrant,
                Link = $"/customers/{CustomerId}",
            },
        }, [.. conditions.Select(c => c.Reason)]);
    }

    /// <summary>
    /// The alert grain took an observation (or changed alerts itself): remembers the reasons holding and the open
    /// alerts it answered with. Says whether the open alerts (shown on the customer's document) changed.
    /// </summary>
    public bool AlertsSeen(IReadOnlyList<string>? holding, IReadOnlyList<AlertSummary> openAlerts)
    {
        if (holding is not null && !holding.SequenceEqual(Checkpoint.AlertHolding ?? []))
        {
            Checkpoint.AlertHolding = holding.Count == 0 ? null : [.. holding];
            CheckpointDirty = true;
        }

        if (openAlerts.SequenceEqual(OpenAlerts))
        {
            return false;
        }

        Checkpoint.OpenAlerts = openAlerts.Count == 0 ? null : [.. openAlerts];
        CheckpointDirty = true;
        return true;
    }

    /// <summary>
    /// Recomputes score and quadrant. Says whether the score moved by at least Scoring:ScoreHistoryMinDelta since it was
    /// last published (then it joins the history) and whether the quadrant changed (then it joins the timeline).
    /// </summary>
    public (bool ScoreMoved, bool QuadrantChanged) Rescore(DateTimeOffset now)
    {
        var (score, quadrant) = _scorer.Compute(State, Experiences, now);
        Score = score;
        var quadrantChanged = quadrant != State.Quadrant;
        if (quadrantChanged)
        {
            State.AddToTimeline(new TimelineRecord(now, "quadrant", null, $"{quadrant ?? "none"} (was {State.Quadrant ?? "none"})"));
            State.Quadrant = quadrant;
        }

        var scoreMoved = score is not null && (_publishedScore is not { } published || Math.Abs(score.Score - published) >= _rules.Scoring.ScoreHistoryMinDelta);
        if (scoreMoved)
        {
            _publishedScore = Math.Round(score!.Score, 1);
            State.ScoreHistory.Add(new ScoreRecord(now, _publishedScore.Value));
            if (State.ScoreHistory.Count > _rules.Scoring.ScoreHistory)
            {
                State.ScoreHistory.RemoveRange(0, State.ScoreHistory.Count - _rules.Scoring.ScoreHistory);
            }
        }

        return (scoreMoved, quadrantChanged);
    }

    /// <summary>The score for a read, computed once per activation when no look computed it yet.</summary>
    public void EnsureScored(DateTimeOffset now) => Score ??= _scorer.Compute(State, Experiences, now).Score;

    public PerceptionView? Perception(DateTimeOffset now) =>
        State.Feedback.Count == 0 ? null : CustomerScorer.View(_scorer.Perception(State, now));

    public double Threshold(string touchpoint) => _rules.Disruption.Threshold(_rules.SloTarget(touchpoint));

    private static TimelineRecord? Describe(string touchpoint, TouchpointExperience experience, ExperienceChange change, DateTimeOffset now)
    {
        var verdict = change.Verdict;
        return change.Disruption switch
        {
            DisruptionTransition.Entered => new TimelineRecord(now, "disrupted", touchpoint,
                $"{verdict.ShortWindow.Bad} of {verdict.ShortWindow.Total} interactions bad in the short window " +
                $"(at least {verdict.Bounds.Lower:P1} at 95% confidence; threshold {verdict.Threshold:P1})"),
            DisruptionTransition.Recovered => new TimelineRecord(now, "recovered", touchpoint,
                $"bad ratio back under {verdict.Bounds.Upper:P1} at 95% confidence"),
            DisruptionTransition.TrafficStopped => new TimelineRecord(now, "recovered", touchpoint, "no traffic for the long window"),
            _ when change.DegradedChanged => new TimelineRecord(now, experience.Degraded ? "degraded" : "degraded-cleared", touchpoint,
                experience.Degraded ? "well above this customer's own baseline" : "back near this customer's own baseline"),
            _ => null,
        };
    }
}
