using CxLive.Domain;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Api.Ingest;

/// <summary>
/// Judges each event read from one request and folds the good ones into per customer x touchpoint x slot counts
/// (what the customer grains get) and per touchpoint x slot partials with a latency sketch (the internal KPI).
/// Ids become strings once per distinct id, not once per event.
/// </summary>
internal sealed class TelemetryBatchBuilder
{
    public const int MaxRejectionsListed = 1000;
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private readonly TelemetryOptions _telemetry;
    private readonly TouchpointCatalog _catalog;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _oldestAccepted;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _touchpointNames;
    private readonly Dictionary<string, CustomerAccumulator>.AlternateLookup<ReadOnlySpan<char>> _customerLookup;
    private readonly Dictionary<string, List<PendingEvent>>.AlternateLookup<ReadOnlySpan<char>> _pendingLookup;
    private readonly CustomerAdmission? _customers;
    private readonly TouchpointAdmission? _touchpoints;

    public TelemetryBatchBuilder(
        TelemetryOptions telemetry, TouchpointCatalog catalog, DateTimeOffset now, TimeSpan maxEventAge,
        CustomerAdmission? customers = null, TouchpointAdmission? touchpoints = null)
    {
        _telemetry = telemetry;
        _catalog = catalog;
        _now = now;
        _oldestAccepted = now - maxEventAge;
        _customers = customers;
        _touchpoints = touchpoints;
        _touchpointNames = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _customerLookup = Customers.GetAlternateLookup<ReadOnlySpan<char>>();
        _pendingLookup = Pending.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Events of customers this process has not seen pass yet, held until <see cref="Settle"/> says which may be new
    /// (Ingest:MaxCustomers): empty for steady traffic.
    /// </summary>
    public Dictionary<string, List<PendingEvent>> Pending { get; } = new(StringComparer.Ordinal);

    public int Accepted { get; private set; }

    public int RejectedCount { get; private set; }

    /// <summary>Every event read, taken or not: what a key's event rate counts.</summary>
    public int Events => Accepted + RejectedCount + Pending.Values.Sum(p => p.Count);

    public List<TelemetryRejection> Rejected { get; } = [];

    public Dictionary<string, CustomerAccumulator> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TouchpointKpiAccumulator> Touchpoints { get; } = new(StringComparer.Ordinal);

    public void Reject(int index, string error)
    {
        RejectedCount++;
        if (Rejected.Count < MaxRejectionsListed)
        {
            Rejected.Add(new TelemetryRejection(index, error));
        }
    }

    /// <summary>Accepts or rejects one event. The rules are API.md's, "POST /api/v1/telemetry".</summary>
    public void Add(int index, ref TelemetryEventFields e)
    {
        if (Check(ref e) is { } problem)
        {
            Reject(index, problem);
            return;
        }

        long total, errors, slow;
        double? latency = null;
        if (IsPreAggregated(ref e))
        {
            total = e.Count ?? 1;
            errors = e.Errors ?? 0;
            slow = e.Slow ?? 0;
        }
        else
        {
            total = 1;
            latency = e.LatencyMs!.Value;
            errors = e.Success!.Value ? 0 : 1;
            slow = errors == 0 && latency > CatalogThreshold(e.Touchpoint) ? 1 : 0;
        }

        var slot = _telemetry.SlotIndexOf(e.Timestamp!.Value);
        Span<char> customerChars = stackalloc char[e.CustomerId.Length];
        Span<char> touchpointChars = stackalloc char[e.Touchpoint.Length];
        Widen(e.CustomerId, customerChars);
        Widen(e.Touchpoint, touchpointChars);
        if (_touchpoints is not null && !_touchpoints.Admit(touchpointChars))
        {
            Reject(index, _touchpoints.Why(touchpointChars));
            return;
        }

        var touchpoint = TouchpointName(touchpointChars);
        if (_customers is not null && !_customerLookup.ContainsKey(customerChars) && !_customers.HasPassed(customerChars))
        {
            if (!_pendingLookup.TryGetValue(customerChars, out var waiting))
            {
                waiting = [];
                _pendingLookup[customerChars] = waiting;
            }

            waiting.Add(new PendingEvent(index, touchpoint, slot, total, errors, slow, latency));
            return;
        }

        Fold(customerChars, touchpoint, slot, total, errors, slow, latency);
    }

    /// <summary>Folds the held events of admitted customers in; refuses the others', each with why.</summary>
    public void Settle(IReadOnlySet<string> admitted, Func<string, string> why)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        ArgumentNullException.ThrowIfNull(why);
        foreach (var (customer, events) in Pending)
        {
            var refusal = admitted.Contains(customer) ? null : why(customer);
            foreach (var e in events)
            {
                if (refusal is null)
                {
                    Fold(customer, e.Touchpoint, e.Slot, e.Total, e.Errors, e.Slow, e.LatencyMs);
                }
                else
                {
                    Reject(e.Index, refusal);
                }
            }
        }

        Pending.Clear();
        Rejected.Sort(static (a, b) => a.Index.CompareTo(b.Index));
    }

    private void Fold(ReadOnlySpan<char> customerId, string touchpoint, long slot, long total, long errors, long slow, double? latency)
    {
        if (!_customerLookup.TryGetValue(customerId, out var customer))
        {
            customer = new CustomerAccumulator();
            _customerLookup[customerId] = customer;
        }

        customer.Add(touchpoint, slot, total, errors, slow, latency);
        if (!Touchpoints.TryGetValue(touchpoint, out var kpi))
        {
            kpi = new TouchpointKpiAccumulator();
            Touchpoints[touchpoint] = kpi;
        }

        kpi.Add(slot, total, errors, slow, latency);
        Accepted++;
    }

    private string? Check(ref TelemetryEventFields e)
    {
        if (e.Problem is not null)
        {
            return e.Problem;
        }

        if (!e.HasCustomerId)
        {
            return "'customerId' is required";
        }

        if (!EntityId.IsValid(e.CustomerId))
        {
            return "'customerId' must be 1-128 characters of letters, digits and . _ : @ -";
        }

        if (!e.HasTouchpoint)
        {
            return "'touchpoint' is required";
        }

        if (!EntityId.IsValid(e.Touchpoint))
        {
            return "'touchpoint' must be 1-128 characters of letters, digits and . _ : @ -";
        }

        if (e.Timestamp is not { } timestamp)
        {
            return "'timestamp' is required";
        }

        if (timestamp > _now + FutureTolerance)
        {
            return "'timestamp' is more than 5 minutes in the future";
        }

        if (timestamp < _oldestAccepted)
        {
            return $"'timestamp' is older than the {(_now - _oldestAccepted).TotalSeconds:0} s that are kept (Ingest:MaxEventAgeSeconds)";
        }

        if (e.Count is < 1)
        {
            return "'count' must be at least 1";
        }

        if (IsPreAggregated(ref e))
        {
            var count = e.Count ?? 1;
            if (e.Errors is < 0 || e.Errors > count)
            {
                return "'errors' must be between 0 and 'count'";
            }

            if (e.Slow is < 0 || e.Slow > count)
            {
                return "'slow' must be between 0 and 'count'";
            }

            if (e.Count > int.MaxValue)
            {
                return $"'count' must be at most {int.MaxValue}";
            }

            return null;
        }

        if (e.Success is null)
        {
            return "'success' is required (or give 'count' with 'errors' and 'slow')";
        }

        if (e.LatencyMs is not { } latency)
        {
            return "'latencyMs' is required (or give 'count' with 'errors' and 'slow')";
        }

        return latency >= 0 && double.IsFinite(latency) ? null : "'latencyMs' must be a number >= 0";
    }

    /// <summary>A pre-aggregated event says how many interactions went wrong instead of how one went.</summary>
    private static bool IsPreAggregated(ref TelemetryEventFields e) =>
        e.Count > 1 || e.Errors is not null || e.Slow is not null || (e.Success is null && e.LatencyMs is null);

    private double CatalogThreshold(ReadOnlySpan<byte> touchpoint)
    {
        Span<char> chars = stackalloc char[touchpoint.Length];
        Widen(touchpoint, chars);
        return _catalog.LatencyThresholdMs(chars);
    }

    private string TouchpointName(ReadOnlySpan<char> chars)
    {
        if (!_touchpointNames.TryGetValue(chars, out var name))
        {
            name = new string(chars);
            _touchpointNames[chars] = name;
        }

        return name;
    }

    /// <summary>Ids were checked to be ASCII, so each byte is one char.</summary>
    private static void Widen(ReadOnlySpan<byte> ascii, Span<char> chars)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }
    }
}

/// <summary>An accepted event waiting for its customer's admission.</summary>
internal readonly record struct PendingEvent(int Index, string Touchpoint, long Slot, long Total, long Errors, long Slow, double? LatencyMs);
