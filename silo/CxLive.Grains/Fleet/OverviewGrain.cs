using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Domain.Touchpoints;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Live;
using CxLive.Grains.Abstractions.Touchpoints;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Fleet;

/// <summary>
/// The fleet view: one row per touchpoint in journey order, fleet counts, the hidden disruptions. Publishes to the
/// live feed at most 4 times a second while something changed (ARCHITECTURE.md, real-time path).
/// </summary>
internal sealed class OverviewGrain(
    [PersistentState("overview", StorageNames.Default)] IPersistentState<OverviewState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<ScoringOptions> scoring,
    RevenueThreshold revenueThreshold) : Grain, IOverviewGrain
{
    public static readonly TimeSpan PublishPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, TouchpointOverview> _rows = new(StringComparer.Ordinal);
    private FleetCounts _fleet = new(0, 0, 0, 0);
    private bool _dirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions { DueTime = PublishPeriod, Period = PublishPeriod, Interleave = false, KeepAlive = true });
        _fleet = await GrainFactory.GetGrain<ICustomerDirectoryGrain>(0).GetCounts();
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

    public Task ReportFleet(FleetCounts counts)
    {
        _fleet = counts;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<OverviewDocument> GetOverview() => Task.FromResult(Build());

    public Task<TouchpointCatalogSnapshot> GetCatalog() =>
        Task.FromResult(new TouchpointCatalogSnapshot(state.State.Version, new Dictionary<string, TouchpointDefinition>(state.State.Touchpoints)));

    private Task PublishAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return Task.CompletedTask;
        }

        _dirty = false;
        return GrainFactory.GetGrain<ILiveFeedGrain>(0).PublishOverview(Build());
    }

    private OverviewDocument Build()
    {
        var now = clock.GetUtcNow();
        var rows = new List<TouchpointOverview>(state.State.Touchpoints.Count);
        foreach (var (touchpoint, definition) in state.State.Touchpoints)
        {
            rows.Add(_rows.TryGetValue(touchpoint, out var row) ? row with
            {
                // Definitions change here first; the touchpoint's next report catches up.
                Name = definition.Name,
                Owner = definition.Owner,
                JourneyOrder = definition.JourneyOrder,
                JourneyStage = definition.JourneyStage,
            }
            : Quiet(touchpoint, definition, now));
        }

        rows.Sort(static (a, b) => (a.JourneyOrder ?? int.MaxValue).CompareTo(b.JourneyOrder ?? int.MaxValue) is var order && order != 0
            ? order
            : string.CompareOrdinal(a.Touchpoint, b.Touchpoint));
        return new OverviewDocument
        {
            AsOf = now,
            CustomersKnown = _fleet.Known,
            CustomersActive = _fleet.Active,
            CustomersDisrupted = _fleet.Disrupted,
            RevenueDisrupted = _fleet.RevenueDisrupted,
            Quadrants = _fleet.Quadrants,
            KnewFirst = _fleet.KnewFirst,
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
