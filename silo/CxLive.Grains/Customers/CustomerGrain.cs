using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Live;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Abstractions.Touchpoints;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Customers;

/// <summary>
/// One paying customer. Thin: <see cref="CustomerModel"/> judges and says what changed; this grain persists that once,
/// notifies once (the live feed, the index row behind the call, the alert grain when conditions moved) and checkpoints
/// the telemetry windows on a timer. Changes, never events, leave it.
/// </summary>
internal sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
    [PersistentState("telemetry", StorageNames.Default)] IPersistentState<TelemetryCheckpoint> checkpoint,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    CustomerRules rules,
    GrainMetrics metrics,
    CustomerIndex index,
    LocalSilo silo,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private CustomerModel _customer = null!;
    private int _ticksSinceCheckpoint;
    private int _checkpointTicks;
    private long _lastLookSlot = long.MinValue;

    /// <summary>The fingerprint of what the row last written to the customer index was made from (null after activation:
    /// the next look writes it, which also moves the row's live-on-silo tag here).</summary>
    private ulong? _indexed;

    /// <summary>The index writes under way, in order: a look does not wait for storage; the next write waits for this one.</summary>
    private Task _indexing = Task.CompletedTask;
    private bool _announced;

    private ILiveFeedGrain LiveFeed => GrainFactory.GetGrain<ILiveFeedGrain>(silo.Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _customer = new CustomerModel(this.GetPrimaryKeyString(), state.State, checkpoint.State, rules);

        // Ticks often enough for both: a look per slot for quiet customers, a checkpoint every CheckpointSeconds while
        // counts changed, so a crash loses at most that window (plus a flush) of what the api acknowledged.
        var options = rules.Telemetry;
        var tick = TimeSpan.FromSeconds(Math.Min(options.SlotSeconds, options.CheckpointSeconds));
        _checkpointTicks = Math.Max(1, (int)Math.Round(options.CheckpointSeconds / tick.TotalSeconds));
        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions { DueTime = tick, Period = tick, Interleave = false, KeepAlive = false });

        if (_customer.OpenAlerts.Count > 0)
        {
            // Acknowledged or resolved since the last checkpoint, perhaps: the alert grain's word is the current one.
            await RefreshOpenAlertsAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _indexing;
        if (_customer.CheckpointDirty)
        {
            await CheckpointAsync();
        }
    }

    public async Task<CustomerDocument> SetProfile(CustomerProfile profile)
    {
        var now = clock.GetUtcNow();
        _customer.SetProfile(profile, now);

        // Both through the store's writer lane: sent together, they share one commit.
        await Task.WhenAll(state.WriteStateAsync(), IndexInOrderAsync());
        await TellAlertsAsync(_customer.ObserveAlerts(now, detractor: null));
        var document = CustomerViews.Document(_customer, now);
        LiveFeed.PublishCustomer(document).Ignore();
        return document;
    }

    public Task<CustomerDocument?> GetDocument()
    {
        if (!_customer.IsKnown)
        {
            return Task.FromResult<CustomerDocument?>(null);
        }

        var now = clock.GetUtcNow();
        _customer.EnsureScored(now);
        return Task.FromResult<CustomerDocument?>(CustomerViews.Document(_customer, now));
    }

    public async Task Ingest(CustomerTelemetry telemetry)
    {
        if (!checkpoint.State.TakeBatch(telemetry.Sender, telemetry.Sequence))
        {
            return; // a retry of a flush applied already
        }

        var now = clock.GetUtcNow();
        metrics.GrainBatchSlots.Record(_customer.Ingest(telemetry, now));
        await LookAsync(now, telemetry.ReceivedAt);
    }

    public async Task Wake()
    {
        await LookAsync(clock.GetUtcNow(), receivedAt: null);
        _indexed = null; // whatever the index holds, it holds this activation's row after this
        await IndexInOrderAsync();
    }

    public async Task<FeedbackReceipt> AddFeedback(FeedbackItem[] items)
    {
        var now = clock.GetUtcNow();
        FeedbackIntake intake;
        try
        {
            intake = _customer.Receive(items, now);
            if (intake.Stored == 0)
            {
                return new FeedbackReceipt(0, intake.Duplicates);
            }

            await state.WriteStateAsync(); // durable before the sender hears 202
        }
        catch
        {
            // What Receive took exists in memory only: this activation is dropped so the next call starts from storage,
            // and no idempotency id counts as stored that is not (a retry stores the items instead of calling them duplicates).
            DeactivateOnIdle();
            throw;
        }
        foreach (var (touchpoint, feedback) in intake.ByTouchpoint)
        {
            await GrainFactory.GetGrain<ITouchpointGrain>(touchpoint).RecordFeedback(feedback);
        }

        await TellAlertsAsync((intake.Alerts, intake.Holding));
        LiveFeed.PublishCustomer(CustomerViews.Document(_customer, now)).Ignore();
        await IndexInOrderAsync();
        return new FeedbackReceipt(intake.Stored, intake.Duplicates);
    }

    public Task AlertsChanged(IReadOnlyList<AlertSummary> openAlerts)
    {
        if (_customer.AlertsSeen(holding: null, openAlerts))
        {
            LiveFeed.PublishCustomer(CustomerViews.Document(_customer, clock.GetUtcNow())).Ignore();
        }

        return Task.CompletedTask; // remembered with the next checkpoint, and asked again on activation
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_customer.Experiences.ByTouchpoint.Count > 0 && rules.Telemetry.SlotIndexOf(now) != _lastLookSlot)
        {
            await LookAsync(now, receivedAt: null);
        }

        if (_customer.CheckpointDirty && ++_ticksSinceCheckpoint >= _checkpointTicks)
        {
            await CheckpointAsync();
        }
    }

    /// <summary>Re-judges the customer; records, persists and reports whatever changed, each once.</summary>
    private async Task LookAsync(DateTimeOffset now, DateTimeOffset? receivedAt)
    {
        _lastLookSlot = rules.Telemetry.SlotIndexOf(now);
        var look = _customer.Look(now);
        foreach (var entry in look.Transitions)
        {
            metrics.Transitions.Add(1, new KeyValuePair<string, object?>("kind", entry.Kind));
        }

        if (receivedAt is { } received)
        {
            for (var i = 0; i < look.DisruptionsEntered; i++)
            {
                metrics.DetectionLag.Record((now - received).TotalMilliseconds);
            }
        }

        // On every look: the grace period ends without any verdict change. Then the alert grain's answer (its open
        // alerts) is part of this look's one push.
        var alertsMoved = await TellAlertsAsync((look.Alerts, look.Holding));

        // After an activation (a restart, a silo that died) the index hears the restored state once, from here.
        var announce = !_announced;
        _announced = true;
        if (!look.Changed && !alertsMoved && !announce)
        {
            return;
        }

        // Live first: a verdict comes from telemetry, which is checkpointed, not written per change, so neither its push
        // nor the flush that brought it waits on the index row: that write runs behind the call (in order with this
        // grain's other index writes). The timeline entry is written before the call returns.
        LiveFeed.PublishCustomer(CustomerViews.Document(_customer, now)).Ignore();
        _indexing = IndexAfterAsync(_indexing);
        if (look.TimelineChanged)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Hands moved alert conditions to the customer's alert grain and remembers what it answered (the reasons holding,
    /// its open alerts) only once it took them: a failed call is repeated at the next look. True when the open alerts
    /// changed.
    /// </summary>
    private async Task<bool> TellAlertsAsync((AlertObservation? Observation, IReadOnlyList<string> Holding) alerts)
    {
        if (alerts.Observation is not { } observation)
        {
            return false;
        }

        try
        {
            var open = await GrainFactory.GetGrain<ICustomerAlertsGrain>(_customer.CustomerId).Observe(observation);
            return _customer.AlertsSeen(alerts.Holding, open);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAlertsUnreachable(logger, ex.GetType().Name);
            return false;
        }
    }

    private async Task RefreshOpenAlertsAsync()
    {
        try
        {
            var alerts = await GrainFactory.GetGrain<ICustomerAlertsGrain>(_customer.CustomerId).List();
            _customer.AlertsSeen(holding: null, [.. alerts.Where(a => a.IsOpen()).Select(a => a.Summary())]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAlertsUnreachable(logger, ex.GetType().Name); // the checkpoint's list stands until the alert grain speaks
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer's alert grain did not take a change of conditions ({Error}); asking again at the next look")]
    private static partial void LogAlertsUnreachable(ILogger logger, string error);

    /// <summary>Writes the index row after the writes under way, and waits for it.</summary>
    private Task IndexInOrderAsync() => _indexing = IndexAfterAsync(_indexing);

    private async Task IndexAfterAsync(Task earlier)
    {
        await earlier;
        await IndexAsync();
    }

    /// <summary>
    /// Writes this customer's row of the customer index when it differs from the last one written: the lists, the
    /// fleet and touchpoint counts, and the silo holding its live state. A failed write is tried again at the next look.
    /// </summary>
    private async Task IndexAsync()
    {
        var entry = CustomerViews.IndexEntry(_customer, silo.Key);
        var fingerprint = CustomerIndex.Fingerprint(entry);
        if (_indexed == fingerprint)
        {
            return;
        }

        try
        {
            await index.Write(index.Row(entry));
            _indexed = fingerprint;
            metrics.IndexWrites.Add(1, new KeyValuePair<string, object?>("index", CustomerIndex.Name));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIndexFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer index did not take this customer's row ({Error}); writing it again at the next look")]
    private static partial void LogIndexFailed(ILogger logger, string error);

    private async Task CheckpointAsync()
    {
        checkpoint.State.Experiences = _customer.Experiences.ToCheckpoint();
        await checkpoint.WriteStateAsync();
        checkpoint.State.Experiences = []; // written; the live windows are the state, not this copy
        _customer.CheckpointDirty = false;
        _ticksSinceCheckpoint = 0;
    }
}
