using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Domain.Touchpoints;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using CxLive.Grains.Abstractions.Touchpoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Fleet;

/// <summary>
/// The fleet view: one row per touchpoint in journey order, fleet counts, the hidden disruptions. The touchpoints
/// report their internal KPI; the customers' side (counts, revenue, quadrants, knew first) is read from the customer
/// index's counters, which storage sums, every <c>Cadence:OverviewPublishMs</c>. Publishes to the live feed at most 4 times
/// a second while something changed (ARCHITECTURE.md, real-time path). Its size is the number of touchpoints.
/// </summary>
internal sealed partial class OverviewGrain(
    [PersistentState("overview", StorageNames.Default)] IPersistentState<OverviewState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<ScoringOptions> scoring,
    RevenueThreshold revenueThreshold,
    CustomerIndex customers,
    LocalSilo silo,
    IOptions<CadenceOptions> cadence,
    ILogger<OverviewGrain> logger) : Grain, IOverviewGrain
{

    private readonly Dictionary<string, TouchpointOverview> _rows = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, double> _counters = new Dictionary<string, double>();
    private FleetTotals _totals = FleetTotals.Empty;
    private bool _dirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions { DueTime = cadence.Value.OverviewPublish, Period = cadence.Value.OverviewPublish, Interleave = false, KeepAlive = true });
        await ReadTotalsAsync();
    }

    public async Task Define(string touchpoint, TouchpointDefinition definition)
    {
        if (state.State.Touchpoints.TryGetValue(touchpoint, out var existing) && existing == definition)
        {
            return;
        }

        state.State.Touchpoints[touchpoint] = definition;
        state.State.Version++;
        await state.WriteStateAsync();
        _dirty = true;
    }

    public Task ReportTouchpoint(TouchpointOverview row)
    {
        _rows[row.Touchpoint] = row;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<OverviewDocument> GetOverview() => Task.FromResult(Build());

    public async Task<OverviewDocument> GetOverviewOf(IReadOnlyList<string> accountManagers)
    {
        var book = Build(await customers.BookTotals(accountManagers));
        var rows = book.Touchpoints.Select(r => r with { Feedback = null }).ToList();
        return book with { Touchpoints = rows };
    }

    public Task<TouchpointCatalogSnapshot> GetCatalog() =>
        Task.FromResult(new TouchpointCatalogSnapshot(state.State.Version, new Dictionary<string, TouchpointDefinition>(state.State.Touchpoints)));

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        await ReadTotalsAsync();
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        await GrainFactory.GetGrain<ILiveFeedGrain>(silo.Key).PublishOverview(Build());
    }

    /// <summary>Reads the customer index's counters; marks the overview changed when any of them moved.</summary>
    private async Task ReadTotalsAsync()
    {
        IReadOnlyDictionary<string, double> counters;
        try
        {
            counters = await customers.Counters();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCountersUnavailable(logger, ex.GetType().Name);
            return; // the last reading stands; the next tick tries again
        }

        if (counters.Count == _counters.Count && counters.All(c => _counters.TryGetValue(c.Key, out var was) && was.Equals(c.Value)))
        {
            return;
        }

        _counters = counters;
        _totals = CustomerIndex.Totals(counters);
        _dirty = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The customer index's counters could not be read ({Error}); the overview keeps the last ones")]
    private static partial void LogCountersUnavailable(ILogger logger, string error);

    private OverviewDocument Build() => Build(_totals);

    private OverviewDocument Build(FleetTotals totals)
    {
        var now = clock.GetUtcNow();
        var rows = new List<TouchpointOverview>(state.State.Touchpoints.Count);
        foreach (var (touchpoint, definition) in state.State.Touchpoints)
        {
            var kpi = _rows.TryGetValue(touchpoint, out var row) ? row with
            {
                // Definitions change here first; the touchpoint's next report catches up.
                Name = definition.Name,
                Owner = definition.Owner,
                JourneyOrder = definition.JourneyOrder,
                JourneyStage = definition.JourneyStage,
            }
            : Quiet(touchpoint, definition, now);
            rows.Add(kpi.WithCustomers(totals.On(touchpoint)));
        }

        rows.Sort(static (a, b) => (a.JourneyOrder ?? int.MaxValue).CompareTo(b.JourneyOrder ?? int.MaxValue) is var order && order != 0
            ? order
            : string.CompareOrdinal(a.Touchpoint, b.Touchpoint));
        return new OverviewDocument
        {
            AsOf = now,
            CustomersKnown = totals.Fleet.Known,
            CustomersActive = totals.Fleet.Active,
            CustomersDisrupted = totals.Fleet.Disrupted,
            RevenueDisrupted = totals.Fleet.RevenueDisrupted,
            Quadrants = totals.Fleet.Quadrants,
            KnewFirst = totals.Fleet.KnewFirst,
            QuadrantLines = new QuadrantLines(scoring.Value.GoodScore, revenueThreshold.Value),
            Touchpoints = rows,
            HiddenDisruptions = [.. rows.Where(r => r.HiddenDisruption).Select(r => new Abstractions.Fleet.HiddenDisruption(r.Touchpoint, r.Customers.Disrupted, r.Customers.RevenueDisrupted))],
        };
    }

    /// <summary>A touchpoint with no traffic reported yet: nothing measured, nobody disrupted.</summary>
    private static TouchpointOverview Quiet(string touchpoint, TouchpointDefinition definition, DateTimeOffset now)
    {
        var (threshold, sloTarget, _) = definition.Effective();
        return new TouchpointOverview
        {
            Touchpoint = touchpoint,
            Name = definition.Name,
            Owner = definition.Owner,
            JourneyOrder = definition.JourneyOrder,
            JourneyStage = definition.JourneyStage,
            Internal = new InternalKpi { SloTarget = sloTarget, LatencyThresholdMs = threshold, Healthy = InternalKpiVerdict.Judge(default, new LatencySketch(), sloTarget, threshold).IsHealthy },
            Customers = new CustomerImpact(0, 0, 0),
            AsOf = now,
        };
    }
}
