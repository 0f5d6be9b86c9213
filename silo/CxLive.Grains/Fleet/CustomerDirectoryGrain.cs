using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Fleet;

/// <summary>
/// Every customer's summary, for lists and fleet counts. Customers report on change only; counts are kept
/// incrementally and sent to the overview at most 4 times a second; the directory checkpoints on a timer.
/// </summary>
internal sealed class CustomerDirectoryGrain(
    [PersistentState("directory", StorageNames.Default)] IPersistentState<DirectoryState> state,
    IOptions<Domain.Telemetry.TelemetryOptions> options) : Grain, ICustomerDirectoryGrain
{
    private static readonly TimeSpan PublishPeriod = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, CustomerSummary> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Customers, double Revenue)> _quadrants = new(StringComparer.Ordinal);
    private int _active;
    private int _disrupted;
    private double _revenueDisrupted;
    private int _detractorSignals;
    private int _knownFirst;
    private double _leadSeconds;
    private bool _countsDirty;
    private bool _stateDirty;
    private int _ticksSinceCheckpoint;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var summary in state.State.Customers)
        {
            Apply(summary);
        }

        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions { DueTime = PublishPeriod, Period = PublishPeriod, Interleave = false, KeepAlive = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_stateDirty)
        {
            await CheckpointAsync();
        }
    }

    public Task Upsert(CustomerSummary summary)
    {
        Apply(summary);
        _countsDirty = true;
        _stateDirty = true;
        return Task.CompletedTask;
    }

    public Task<FleetCounts> GetCounts() => Task.FromResult(Counts());

    public Task<CustomerList> Query(CustomerQuery query)
    {
        IEnumerable<CustomerSummary> matches = _customers.Values;
        if (query.Disrupted is { } disrupted)
        {
            matches = matches.Where(c => c.Disrupted == disrupted);
        }

        if (query.AccountManager is { } manager)
        {
            matches = matches.Where(c => string.Equals(c.AccountManager, manager, StringComparison.Ordinal));
        }

        if (query.Quadrant is { } quadrant)
        {
            matches = matches.Where(c => string.Equals(c.Quadrant, quadrant, StringComparison.Ordinal));
        }

        var all = CustomerSort.Apply(matches, query.Sort).ToList();
        return Task.FromResult(new CustomerList([.. all.Skip(query.Offset).Take(query.Limit)], all.Count));
    }

    private void Apply(CustomerSummary summary)
    {
        if (_customers.TryGetValue(summary.CustomerId, out var previous))
        {
            Count(previous, -1);
        }

        _customers[summary.CustomerId] = summary;
        Count(summary, +1);
    }

    private void Count(CustomerSummary summary, int sign)
    {
        _active += summary.Active ? sign : 0;
        _detractorSignals += sign * summary.DetractorSignals;
        _knownFirst += sign * summary.KnownFirst;
        _leadSeconds += sign * summary.LeadSecondsTotal;
        if (summary.Quadrant is { } quadrant)
        {
            var tally = _quadrants.GetValueOrDefault(quadrant);
            _quadrants[quadrant] = (tally.Customers + sign, tally.Revenue + (sign * (summary.AnnualRevenue ?? 0)));
        }

        if (summary.Disrupted)
        {
            _disrupted += sign;
            _revenueDisrupted += sign * (summary.AnnualRevenue ?? 0);
        }
    }

    private FleetCounts Counts() => new(_customers.Count, _active, _disrupted, Math.Round(_revenueDisrupted, 2))
    {
        Quadrants = _quadrants.Where(q => q.Value.Customers > 0).ToDictionary(q => q.Key, q => new QuadrantTally(q.Value.Customers, Math.Round(q.Value.Revenue, 2))),
        KnewFirst = new KnewFirstView(
            _detractorSignals,
            _knownFirst,
            _detractorSignals == 0 ? null : (double)_knownFirst / _detractorSignals,
            _knownFirst == 0 ? null : _leadSeconds / _knownFirst),
    };

    public Task<double> GetMedianRevenue() =>
        Task.FromResult(Domain.Scoring.Quadrants.Median(_customers.Values.Where(c => c.AnnualRevenue is not null).Select(c => c.AnnualRevenue!.Value)));

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        if (_countsDirty)
        {
            _countsDirty = false;
            await GrainFactory.GetGrain<IOverviewGrain>(0).ReportFleet(Counts());
        }

        var checkpointTicks = options.Value.CheckpointSeconds * 4;
        if (_stateDirty && ++_ticksSinceCheckpoint >= checkpointTicks)
        {
            await CheckpointAsync();
        }
    }

    private async Task CheckpointAsync()
    {
        state.State.Customers = [.. _customers.Values];
        await state.WriteStateAsync();
        _stateDirty = false;
        _ticksSinceCheckpoint = 0;
    }
}
