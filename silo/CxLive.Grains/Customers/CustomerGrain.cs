using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Abstractions.Touchpoints;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Customers;

/// <summary>
/// One paying customer: profile, and per touchpoint what they lived through. Thin: it holds state, lets
/// <see cref="TouchpointExperience"/> judge, writes state, and reports changes (never events) to the touchpoints,
/// the directory and the live feed.
/// </summary>
internal sealed partial class CustomerGrain : Grain, ICustomerGrain
{
    /// <summary>Api processes whose last flush sequence a customer remembers (each process start is a new one).</summary>
    private const int MaxSenders = 32;

    private readonly IPersistentState<CustomerState> _state;
    private readonly IPersistentState<TelemetryCheckpoint> _checkpoint;
    private readonly TimeProvider _clock;
    private readonly TelemetryOptions _options;
    private readonly TouchpointCatalog _catalog;
    private readonly GrainMetrics _metrics;
    private readonly CustomerExperiences _experiences;
    private readonly DisruptionRule _rule;
    private int _ticksSinceCheckpoint;
    private int _checkpointTicks;
    private long _lastLookSlot = long.MinValue;
    private bool _telemetryDirty;
    private readonly CustomerScorer _scorer;
    private readonly ScoringOptions _scoring;
    private readonly CustomerIndex _index;
    private readonly LocalSilo _silo;

    /// <summary>The fingerprint of what the row last written to the customer index was made from (null after activation:
    /// the next look writes it, which also moves the row's live-on-silo tag here).</summary>
    private ulong? _indexed;

    /// <summary>The index writes under way, in order: a look does not wait for storage; the next write waits for this one.</summary>
    private Task _indexing = Task.CompletedTask;
    private bool _announced;
    private ExperienceScore? _score;
    private double? _publishedScore;
    private HashSet<string>? _feedbackIds;
    private readonly AlertRules _alertRules;
    private readonly AlertOptions _alerts;
    private readonly ILogger<CustomerGrain> _logger;

    /// <summary>The alert conditions of the last look (null after activation): what counts as fresh evidence.</summary>
    private IReadOnlyList<AlertCondition>? _alertConditions;

    public CustomerGrain(
        [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
        [PersistentState("telemetry", StorageNames.Default)] IPersistentState<TelemetryCheckpoint> checkpoint,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
        IOptions<TelemetryOptions> options,
        DisruptionRule rule,
        TouchpointCatalog catalog,
        GrainMetrics metrics,
        IOptions<ScoringOptions> scoring,
        RevenueThreshold revenueThreshold,
        AlertRules alertRules,
        IOptions<AlertOptions> alerts,
        CustomerIndex index,
        LocalSilo silo,
        ILogger<CustomerGrain> logger)
    {
        _index = index;
        _silo = silo;
        _alertRules = alertRules;
        _alerts = alerts.Value;
        _logger = logger;
        _scoring = scoring.Value;
        _scorer = new CustomerScorer(_scoring, catalog, revenueThreshold);
        _state = state;
        _checkpoint = checkpoint;
        _clock = clock;
        _options = options.Value;
        _catalog = catalog;
        _metrics = metrics;
        _rule = rule;
        _experiences = new CustomerExperiences(_options, rule);
    }

    private string CustomerId => this.GetPrimaryKeyString();

    private double Revenue => _state.State.Profile?.AnnualRevenue ?? 0;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _experiences.RestoreFrom(_checkpoint.State.Experiences);
        _publishedScore = _state.State.ScoreHistory.Count > 0 ? _state.State.ScoreHistory[^1].Score : null;
        _checkpoint.State.Experiences = [];

        // Ticks often enough for both: a look per slot for quiet customers, a checkpoint every CheckpointSeconds while
        // counts changed, so a crash loses at most that window (plus a flush) of what the api acknowledged.
        var tick = TimeSpan.FromSeconds(Math.Min(_options.SlotSeconds, _options.CheckpointSeconds));
        _checkpointTicks = Math.Max(1, (int)Math.Round(_options.CheckpointSeconds / tick.TotalSeconds));
        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions { DueTime = tick, Period = tick, Interleave = false, KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _indexing;
        if (_telemetryDirty)
        {
            await CheckpointAsync();
        }
    }

    public async Task<CustomerDocument> SetProfile(CustomerProfile profile)
    {
        _state.State.Profile = profile;
        _state.State.ProfileUpdatedAt = _clock.GetUtcNow();
        _state.State.FirstSeenAt ??= _state.State.ProfileUpdatedAt;
        Rescore(_state.State.ProfileUpdatedAt.Value);

        // Both through the store's writer lane: sent together, they share one commit.
        await Task.WhenAll(_state.WriteStateAsync(), IndexInOrderAsync());
        await WatchAlertsAsync(_clock.GetUtcNow(), detractor: null);
        var document = BuildDocument(_clock.GetUtcNow());
        GrainFactory.GetGrain<ILiveFeedGrain>(_silo.Key).PublishCustomer(document).Ignore();
        return document;
    }

    public Task<CustomerDocument?> GetDocument()
    {
        if (_state.State.Profile is null && _experiences.ByTouchpoint.Count == 0 && _state.State.Feedback.Count == 0)
        {
            return Task.FromResult<CustomerDocument?>(null);
        }

        var now = _clock.GetUtcNow();
        _score ??= _scorer.Compute(_state.State, _experiences, now).Score;
        return Task.FromResult<CustomerDocument?>(BuildDocument(now));
    }

    public async Task Ingest(CustomerTelemetry telemetry)
    {
        if (!TakeBatch(telemetry))
        {
            return; // a retry of a flush applied already
        }

        var now = _clock.GetUtcNow();
        var slots = 0;
        foreach (var touchpoint in telemetry.Touchpoints)
        {
            var experience = _experiences.For(touchpoint.Touchpoint);
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

        _metrics.GrainBatchSlots.Record(slots);
        _telemetryDirty = true;
        if (_state.State.FirstSeenAt is null)
        {
            _state.State.FirstSeenAt = now;
        }

        await EvaluateAsync(now, telemetry.ReceivedAt);
    }

    /// <summary>
    /// False when this sender's flush with this sequence (or a later one) was applied already. At most
    /// <see cref="MaxSenders"/> senders are remembered (the most recent); they travel with the telemetry checkpoint.
    /// </summary>
    private bool TakeBatch(CustomerTelemetry telemetry)
    {
        if (telemetry.Sender is not { } sender)
        {
            return true;
        }

        var batches = _checkpoint.State.Batches;
        if (batches.TryGetValue(sender, out var applied) && telemetry.Sequence <= applied)
        {
            return false;
        }

        batches[sender] = telemetry.Sequence;
        if (batches.Count > MaxSenders)
        {
            batches.Remove(batches.MinBy(b => b.Value).Key);
        }

        return true;
    }

    public async Task Wake()
    {
        await EvaluateAsync(_clock.GetUtcNow(), receivedAt: null);
        _indexed = null; // whatever the index holds, it holds this activation's row after this
        await IndexInOrderAsync();
    }

    public async Task<FeedbackReceipt> AddFeedback(FeedbackItem[] items)
    {
        var now = _clock.GetUtcNow();
        _feedbackIds ??= new HashSet<string>(_state.State.FeedbackIds, StringComparer.Ordinal);
        var stored = 0;
        var byTouchpoint = new Dictionary<string, List<TouchpointFeedback>>(StringComparer.Ordinal);
        AlertFeedbackFact? detractor = null;
        foreach (var item in items)
        {
            if (!_feedbackIds.Add(item.Id))
            {
                continue;
            }

            var received = _scorer.Receive(item, _state.State, _experiences, now);
            _state.State.AddFeedback(received);
            if (received.KnownFirst is { } knownFirst)
            {
                _state.State.DetractorSignals++;
                _state.State.KnownFirst += knownFirst ? 1 : 0;
                _state.State.LeadSecondsTotal += received.LeadSeconds ?? 0;
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

        if (stored == 0)
        {
            return new FeedbackReceipt(0, items.Length);
        }

        _state.State.FirstSeenAt ??= now;
        _scorer.FeedbackChanged();
        Rescore(now);
        await _state.WriteStateAsync(); // durable before the sender hears 202
        _feedbackIds = null; // rebuilt from the trimmed list on the next call

        foreach (var (touchpoint, feedback) in byTouchpoint)
        {
            await GrainFactory.GetGrain<ITouchpointGrain>(touchpoint).RecordFeedback([.. feedback]);
        }

        GrainFactory.GetGrain<ILiveFeedGrain>(_silo.Key).PublishCustomer(BuildDocument(now)).Ignore();
        await IndexInOrderAsync();
        await WatchAlertsAsync(now, detractor);
        return new FeedbackReceipt(stored, items.Length - stored);
    }

    public async Task AlertsChanged(IReadOnlyList<AlertSummary> openAlerts)
    {
        _state.State.OpenAlerts = openAlerts.Count == 0 ? null : [.. openAlerts];
        await _state.WriteStateAsync();
        GrainFactory.GetGrain<ILiveFeedGrain>(_silo.Key).PublishCustomer(BuildDocument(_clock.GetUtcNow())).Ignore();
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_experiences.ByTouchpoint.Count > 0 && _options.SlotIndexOf(now) != _lastLookSlot)
        {
            await EvaluateAsync(now, receivedAt: null);
        }

        if (_telemetryDirty && ++_ticksSinceCheckpoint >= _checkpointTicks)
        {
            await CheckpointAsync();
        }
    }

    /// <summary>Re-judges every touchpoint; records and reports whatever changed.</summary>
    private async Task EvaluateAsync(DateTimeOffset now, DateTimeOffset? receivedAt)
    {
        _lastLookSlot = _options.SlotIndexOf(now);
        var timelineChanged = false;
        var anyChange = false;
        foreach (var (touchpoint, experience) in _experiences.ByTouchpoint)
        {
            var sloTarget = _catalog.Definition(touchpoint)?.SloTarget ?? TouchpointDefinition.DefaultSloTarget;
            var change = experience.Evaluate(now, sloTarget);
            if (!change.Any)
            {
                continue;
            }

            anyChange = true;
            if (Describe(touchpoint, experience, change, now) is { } entry)
            {
                _state.State.AddToTimeline(entry);
                timelineChanged = true;
                _metrics.Transitions.Add(1, new KeyValuePair<string, object?>("kind", entry.Kind));
                if (change.Disruption == DisruptionTransition.Entered && receivedAt is { } received)
                {
                    _metrics.DetectionLag.Record((now - received).TotalMilliseconds);
                }
            }

        }

        if (!_announced)
        {
            // After an activation (a restart, a silo that died) the index hears the restored state once, from here.
            _announced = true;
            anyChange = true;
        }

        var (scoreMoved, quadrantChanged) = Rescore(now);
        timelineChanged |= quadrantChanged;
        anyChange |= scoreMoved || quadrantChanged;
        await WatchAlertsAsync(now, detractor: null); // on every look: the grace period ends without any verdict change
        if (!anyChange)
        {
            return;
        }

        // Live first: a verdict comes from telemetry, which is checkpointed, not written per change, so neither its push
        // nor the flush that brought it waits on the index row: that write runs behind the call (in order with this
        // grain's other index writes). The timeline entry is written before the call returns.
        GrainFactory.GetGrain<ILiveFeedGrain>(_silo.Key).PublishCustomer(BuildDocument(now)).Ignore();
        _indexing = IndexAfterAsync(_indexing);
        if (timelineChanged)
        {
            await _state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Recomputes score and quadrant. Says whether the score moved by at least Scoring:ScoreHistoryMinDelta since it was
    /// last published (then it joins the history) and whether the quadrant changed (then it joins the timeline).
    /// </summary>
    private (bool ScoreMoved, bool QuadrantChanged) Rescore(DateTimeOffset now)
    {
        var (score, quadrant) = _scorer.Compute(_state.State, _experiences, now);
        _score = score;
        var quadrantChanged = quadrant != _state.State.Quadrant;
        if (quadrantChanged)
        {
            _state.State.AddToTimeline(new TimelineEntry(now, "quadrant", null, $"{quadrant ?? "none"} (was {_state.State.Quadrant ?? "none"})"));
            _state.State.Quadrant = quadrant;
        }

        var scoreMoved = score is not null && (_publishedScore is not { } published || Math.Abs(score.Score - published) >= _scoring.ScoreHistoryMinDelta);
        if (scoreMoved)
        {
            _publishedScore = Math.Round(score!.Score, 1);
            _state.State.ScoreHistory.Add(new ScorePoint(now, _publishedScore.Value));
            if (_state.State.ScoreHistory.Count > _scoring.ScoreHistory)
            {
                _state.State.ScoreHistory.RemoveRange(0, _state.State.ScoreHistory.Count - _scoring.ScoreHistory);
            }
        }

        return (scoreMoved, quadrantChanged);
    }

    private static TimelineEntry? Describe(string touchpoint, TouchpointExperience experience, ExperienceChange change, DateTimeOffset now)
    {
        var verdict = change.Verdict;
        return change.Disruption switch
        {
            DisruptionTransition.Entered => new TimelineEntry(now, "disrupted", touchpoint,
                $"{verdict.ShortWindow.Bad} of {verdict.ShortWindow.Total} interactions bad in the short window " +
                $"(at least {verdict.Bounds.Lower:P1} at 95% confidence; threshold {verdict.Threshold:P1})"),
            DisruptionTransition.Recovered => new TimelineEntry(now, "recovered", touchpoint,
                $"bad ratio back under {verdict.Bounds.Upper:P1} at 95% confidence"),
            DisruptionTransition.TrafficStopped => new TimelineEntry(now, "recovered", touchpoint, "no traffic for the long window"),
            _ when change.DegradedChanged => new TimelineEntry(now, experience.Degraded ? "degraded" : "degraded-cleared", touchpoint,
                experience.Degraded ? "well above this customer's own baseline" : "back near this customer's own baseline"),
            _ => null,
        };
    }

    /// <summary>
    /// Asks the alert rules; when a condition came, went or has fresh evidence, tells the customer's alert grain, and
    /// only then remembers the reasons that hold (so a failed call is repeated at the next look).
    /// </summary>
    private async Task WatchAlertsAsync(DateTimeOffset now, AlertFeedbackFact? detractor)
    {
        IReadOnlyCollection<string> holding = _state.State.AlertHolding ?? [];
        var touchpoints = new List<AlertTouchpointFact>(_experiences.ByTouchpoint.Count);
        foreach (var (touchpoint, experience) in _experiences.ByTouchpoint)
        {
            touchpoints.Add(new AlertTouchpointFact(touchpoint, experience.Disrupted, experience.DisruptedSince, experience.Degraded));
        }

        var facts = new AlertFacts(now, Revenue, touchpoints, _state.State.Quadrant, _score?.Score, _state.State.ScoreHistory.Select(p => (p.At, p.Score)), detractor);
        var conditions = _alertRules.Evaluate(facts, holding);
        var edges = AlertRules.Compare(holding, _alertConditions, conditions, detractor is not null);
        _alertConditions = conditions;
        if (edges.IsEmpty)
        {
            return;
        }

        var observation = new AlertObservation
        {
            At = now,
            Owner = _state.State.Profile?.AccountManager ?? _alerts.DefaultOwner,
            Raised = [.. edges.Raised.Select(AlertSignal.From)],
            Fresh = [.. edges.Fresh.Select(AlertSignal.From)],
            Cleared = edges.Cleared,
            Evidence = new AlertEvidence
            {
                Touchpoints = BuildRows(now),
                Feedback = [.. _state.State.Feedback.AsEnumerable().Reverse().Take(_alerts.EvidenceFeedback)],
                AnnualRevenue = _state.State.Profile?.AnnualRevenue,
                ExperienceScore = _publishedScore,
                Quadrant = _state.State.Quadrant,
                Link = $"/customers/{CustomerId}",
            },
        };
        try
        {
            await GrainFactory.GetGrain<ICustomerAlertsGrain>(CustomerId).Observe(observation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAlertsUnreachable(_logger, ex.GetType().Name);
            return;
        }

        var reasons = conditions.Select(c => c.Reason).ToList();
        if (!reasons.SequenceEqual(holding))
        {
            _state.State.AlertHolding = reasons.Count == 0 ? null : reasons;
            await _state.WriteStateAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer's alert grain did not take a change of conditions ({Error}); asking again at the next look")]
    private static partial void LogAlertsUnreachable(ILogger logger, string error);

    /// <summary>
    /// Writes this customer's row of the customer index when it differs from the last one written: the lists, the
    /// fleet and touchpoint counts, and the silo holding its live state. A failed write is tried again at the next look.
    /// </summary>
    /// <summary>Writes the index row after the writes under way, and waits for it.</summary>
    private Task IndexInOrderAsync() => _indexing = IndexAfterAsync(_indexing);

    private async Task IndexAfterAsync(Task earlier)
    {
        await earlier;
        await IndexAsync();
    }

    private async Task IndexAsync()
    {
        var live = _experiences.ByTouchpoint.Values.Any(e => e.Active || e.Disrupted || e.Degraded);
        var entry = new CustomerIndexEntry(
            BuildSummary(),
            [.. _experiences.ByTouchpoint.Select(e => new TouchpointPresence(e.Key, e.Value.Active, e.Value.Disrupted))],
            live ? _silo.Key : null);
        var fingerprint = CustomerIndex.Fingerprint(entry);
        if (_indexed == fingerprint)
        {
            return;
        }

        try
        {
            await _index.Write(_index.Row(entry));
            _indexed = fingerprint;
            _metrics.IndexWrites.Add(1, new KeyValuePair<string, object?>("index", CustomerIndex.Name));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(_logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer index did not take this customer's row ({Error}); writing it again at the next look")]
    private static partial void LogIndexFailed(ILogger logger, string error);

    private async Task CheckpointAsync()
    {
        _checkpoint.State.Experiences = _experiences.ToCheckpoint();
        await _checkpoint.WriteStateAsync();
        _checkpoint.State.Experiences = []; // written; the live windows are the state, not this copy
        _telemetryDirty = false;
        _ticksSinceCheckpoint = 0;
    }

    private CustomerSummary BuildSummary()
    {
        var profile = _state.State.Profile;
        var disrupted = _experiences.ByTouchpoint.Where(e => e.Value.Disrupted).ToList();
        return new CustomerSummary
        {
            CustomerId = CustomerId,
            Name = profile?.Name,
            AccountManager = profile?.AccountManager,
            AnnualRevenue = profile?.AnnualRevenue,
            PotentialRevenue = profile?.PotentialRevenue,
            Segment = profile?.Segment,
            Active = _experiences.ByTouchpoint.Values.Any(e => e.Active),
            Disrupted = disrupted.Count > 0,
            DisruptedTouchpoints = [.. disrupted.Select(e => e.Key)],
            DisruptedSince = disrupted.Count > 0 ? disrupted.Min(e => e.Value.DisruptedSince) : null,
            Degraded = _experiences.ByTouchpoint.Values.Any(e => e.Degraded),
            ExperienceScore = _publishedScore,
            Quadrant = _state.State.Quadrant,
            DetractorSignals = _state.State.DetractorSignals,
            KnownFirst = _state.State.KnownFirst,
            LeadSecondsTotal = _state.State.LeadSecondsTotal,
        };
    }

    private CustomerDocument BuildDocument(DateTimeOffset now)
    {
        var rows = BuildRows(now);
        return new CustomerDocument
        {
            CustomerId = CustomerId,
            Profile = _state.State.Profile ?? new CustomerProfile(),
            ProfileUpdatedAt = _state.State.ProfileUpdatedAt,
            Touchpoints = rows,
            Timeline = [.. _state.State.Timeline.AsEnumerable().Reverse().Take(50)],
            Disrupted = rows.Exists(r => r.Disrupted),
            Degraded = rows.Exists(r => r.Degraded),
            AsOf = now,
            ExperienceScore = _score is null ? null : Math.Round(_score.Score, 1),
            OperationalScore = _score?.Operational,
            PerceptionScore = _score?.Perception,
            Explanation = [.. (_score?.Explanation ?? []).Select(c => new ScoreContributorView(c.Label, c.Touchpoint, Math.Round(c.Points, 1)))],
            Quadrant = _state.State.Quadrant,
            Feedback = _state.State.Feedback.Count == 0 ? null : CustomerScorer.View(_scorer.Perception(_state.State, now)),
            RecentFeedback = [.. _state.State.Feedback.AsEnumerable().Reverse().Take(20)],
            ScoreHistory = _state.State.ScoreHistory,
            OpenAlerts = _state.State.OpenAlerts ?? [],
        };
    }

    private List<TouchpointRow> BuildRows(DateTimeOffset now)
    {
        var rows = new List<TouchpointRow>(_experiences.ByTouchpoint.Count);
        foreach (var (touchpoint, experience) in _experiences.ByTouchpoint.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var counts = experience.LongWindow(now);
            var shortWindow = experience.ShortWindow(now);
            var sloTarget = _catalog.Definition(touchpoint)?.SloTarget ?? TouchpointDefinition.DefaultSloTarget;
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
                Threshold = _rule.Threshold(sloTarget),
            });
        }

        return rows;
    }
}
