using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Abstractions.Touchpoints;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// One touchpoint of the journey: its definition, its internal KPI (from per-process partials, never per event) and
/// what customers said of it. Reports its KPI row to the overview grain at most every <c>Cadence:TouchpointPublishMs</c> while
/// something changed; the overview adds the customers on it (counted by the customer index, never held here).
/// </summary>
internal sealed class TouchpointGrain : Grain, ITouchpointGrain
{
    private readonly IPersistentState<TouchpointState> _state;
    private readonly IPersistentState<TouchpointKpiCheckpoint> _kpiCheckpoint;
    private bool _kpiDirty;
    private int _ticksSinceCheckpoint;
    private readonly TimeProvider _clock;
    private readonly TelemetryOptions _options;
    private readonly TimeSpan _publishPeriod;
    private readonly TouchpointKpiWindow _kpi;
    private bool _seenReported;
    private bool _dirty = true;
    private long _lastSummarySlot = long.MinValue;
    private TouchpointOverview? _lastRow;
    private readonly ScoringOptions _scoring;
    private readonly CustomerIndex _customers;
    private DecayingPerception _perception;

    public TouchpointGrain(
        [PersistentState("touchpoint", StorageNames.Default)] IPersistentState<TouchpointState> state,
        [PersistentState("kpi", StorageNames.Default)] IPersistentState<TouchpointKpiCheckpoint> kpi,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
        IOptions<TelemetryOptions> options,
        IOptions<ScoringOptions> scoring,
        IOptions<CadenceOptions> cadence,
        CustomerIndex customers)
    {
        _publishPeriod = cadence.Value.TouchpointPublish;
        _customers = customers;
        _scoring = scoring.Value;
        _perception = new DecayingPerception(_scoring);
        _state = state;
        _kpiCheckpoint = kpi;
        _clock = clock;
        _options = options.Value;
        _kpi = new TouchpointKpiWindow(_options);
    }

    private string Touchpoint => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // State is read before activation, not before construction.
        if (_state.State.Perception is { } saved)
        {
            _perception = DecayingPerception.FromState(System.Text.Json.JsonSerializer.Deserialize<DecayingPerceptionState>(saved)!, _scoring);
        }

        var nowSlot = _options.SlotIndexOf(_clock.GetUtcNow());
        foreach (var slot in _kpiCheckpoint.State.Slots)
        {
            _kpi.Add(nowSlot, slot.Slot, new WindowCounts(slot.Total, slot.Errors, slot.Slow), Sketch(slot));
        }

        _kpiCheckpoint.State.Slots = []; // the live window is the state, not this copy
        this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions { DueTime = _publishPeriod, Period = _publishPeriod, Interleave = false, KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_kpiDirty)
        {
            await CheckpointKpiAsync();
        }
    }

    public async Task<TouchpointDocument> SetDefinition(TouchpointDefinition definition)
    {
        _state.State.Definition = definition;
        _state.State.UpdatedAt = _clock.GetUtcNow();
        _state.State.Defined = true;
        await _state.WriteStateAsync();
        await GrainFactory.Overview().Define(Touchpoint, definition);
        _seenReported = true;
        _dirty = true;
        return (await BuildDocumentAsync())!;
    }

    public Task<TouchpointDocument?> GetDocument() => BuildDocumentAsync();

    public async Task IngestKpi(KpiSlot[] slots)
    {
        var nowSlot = _options.SlotIndexOf(_clock.GetUtcNow());
        foreach (var slot in slots)
        {
            _kpi.Add(nowSlot, slot.Slot, new WindowCounts(slot.Total, slot.Errors, slot.Slow), Sketch(slot));
        }

        _dirty = true;
        _kpiDirty = true;
        await EnsureKnownAsync();
    }

    public async Task RecordFeedback(TouchpointFeedback[] feedback)
    {
        foreach (var item in feedback)
        {
            if (FeedbackKinds.TryParse(item.Kind, out var kind))
            {
                _perception.Add(new FeedbackSignal(item.At, kind, item.Score, null, null, Touchpoint));
            }
        }

        _state.State.Perception = System.Text.Json.JsonSerializer.Serialize(_perception.ToState());
        await _state.WriteStateAsync();
        _dirty = true;
        await EnsureKnownAsync();
    }

    public async Task<TouchpointOverview> GetOverviewRow() => BuildRow().WithCustomers((await _customers.Totals()).On(Touchpoint));

    /// <summary>A touchpoint first seen in telemetry joins the catalog with defaults (API.md: "unknown touchpoints get defaults").</summary>
    private async Task EnsureKnownAsync()
    {
        if (_seenReported)
        {
            return;
        }

        _seenReported = true;
        if (_state.State.Definition is null)
        {
            _state.State.Definition = new TouchpointDefinition();
            _state.State.UpdatedAt = _clock.GetUtcNow();
            await _state.WriteStateAsync();
        }

        await GrainFactory.Overview().Define(Touchpoint, _state.State.Definition);
    }

    private static LatencySketch? Sketch(KpiSlot slot) =>
        slot.SketchCounts.Length > 0 || slot.SketchZeroCount > 0 ? LatencySketch.FromBuckets(slot.SketchFirstIndex, slot.SketchCounts, slot.SketchZeroCount) : null;

    private async Task CheckpointKpiAsync()
    {
        _kpiCheckpoint.State.Slots =
        [
            .. _kpi.Slots.Select(s => new KpiSlot(s.Slot, s.Counts.Total, s.Counts.Errors, s.Counts.Slow, s.Sketch.FirstIndex, s.Sketch.ToBucketCounts(), s.Sketch.ZeroCount)),
        ];
        await _kpiCheckpoint.WriteStateAsync();
        _kpiCheckpoint.State.Slots = [];
        _kpiDirty = false;
        _ticksSinceCheckpoint = 0;
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (_kpiDirty && ++_ticksSinceCheckpoint * _publishPeriod.TotalSeconds >= _options.CheckpointSeconds)
        {
            await CheckpointKpiAsync();
        }

        // The window slides even without news: re-summarize once per slot.
        var nowSlot = _options.SlotIndexOf(_clock.GetUtcNow());
        if (!_dirty && nowSlot == _lastSummarySlot)
        {
            return;
        }

        var row = BuildRow();
        _dirty = false;
        _lastSummarySlot = nowSlot;
        if (_lastRow is not null && SameNumbers(row, _lastRow))
        {
            return;
        }

        _lastRow = row;
        await GrainFactory.Overview().ReportTouchpoint(row);
    }

    private TouchpointOverview BuildRow()
    {
        var now = _clock.GetUtcNow();
        var definition = _state.State.Definition;
        var (threshold, sloTarget, _) = definition.Effective();
        var verdict = _kpi.Judge(_options.SlotIndexOf(now), sloTarget, threshold);
        var perception = _perception.Summarize(now);

        return new TouchpointOverview
        {
            Touchpoint = Touchpoint,
            Name = definition?.Name,
            Owner = definition?.Owner,
            JourneyOrder = definition?.JourneyOrder,
            JourneyStage = definition?.JourneyStage,
            Internal = new InternalKpi
            {
                Availability = verdict.Availability,
                P50LatencyMs = verdict.P50LatencyMs,
                P95LatencyMs = verdict.P95LatencyMs,
                P99LatencyMs = verdict.P99LatencyMs,
                SloTarget = sloTarget,
                LatencyThresholdMs = threshold,
                Healthy = verdict.IsHealthy,
                Events = verdict.Events,
            },
            Customers = new CustomerImpact(0, 0, 0), // the overview's part: see TouchpointOverview.WithCustomers
            Feedback = perception.Responses == 0 ? null : Customers.CustomerScorer.View(perception),
            AsOf = now,
        };
    }

    /// <summary>
    /// The row changed when any number in it did. Record equality alone would compare the feedback breakdowns'
    /// dictionaries by reference, calling every row new and re-sending it 4 times a second.
    /// </summary>
    private static bool SameNumbers(TouchpointOverview a, TouchpointOverview b) =>
        a with { AsOf = default, Feedback = null } == b with { AsOf = default, Feedback = null } && Scalars(a.Feedback) == Scalars(b.Feedback);

    private static PerceptionView? Scalars(PerceptionView? view) => view is null ? null : view with { ByChannel = NoBreakdown, ByProgram = NoBreakdown };

    private static readonly Dictionary<string, BreakdownView> NoBreakdown = [];

    /// <summary>The definition and the live row, with the customers on this touchpoint as the customer index counts them.</summary>
    private async Task<TouchpointDocument?> BuildDocumentAsync()
    {
        if (_state.State.Definition is null)
        {
            return null;
        }

        return new TouchpointDocument
        {
            Touchpoint = Touchpoint,
            Definition = _state.State.Definition,
            Defined = _state.State.Defined,
            UpdatedAt = _state.State.UpdatedAt,
            Overview = await GetOverviewRow(),
        };
    }
}
