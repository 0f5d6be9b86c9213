using System.Text.Json;

namespace CxLive.LoadTool;

/// <summary>
/// Who gets which event. Event number s of the run goes round-robin over customers x touchpoints (customer varies
/// fastest, so a batch spreads over many customers as real senders' batches do), except a share of events that goes
/// to the disrupted customers' checkout so that each of them has enough interactions for a verdict.
/// </summary>
internal sealed class TrafficPlan
{
    public const string Checkout = "tp0";
    public const int CheckoutIndex = 0;
    public const double InjectedFailureRatio = 0.4;
    public const double BackgroundFailureRatio = 0.001;

    /// <summary>At least this many checkout events a second per disrupted customer: 60 a minute, twice the 30 needed.</summary>
    public const double DisruptedCheckoutEventsPerSecond = 1.0;

    /// <summary>The extra share never takes more than this part of the traffic.</summary>
    public const double MaxExtraShare = 0.5;

    private readonly JsonEncodedText[] _customerIds;
    private readonly JsonEncodedText[] _touchpointIds;
    private readonly int[] _disrupted;
    private readonly bool[] _isDisrupted;
    private readonly long _pairs;

    public TrafficPlan(int customers, int touchpoints, int disrupt, double rate, bool injecting)
    {
        _customerIds = new JsonEncodedText[customers];
        for (var j = 0; j < customers; j++)
        {
            _customerIds[j] = JsonEncodedText.Encode(CustomerId(j));
        }

        _touchpointIds = new JsonEncodedText[touchpoints];
        for (var i = 0; i < touchpoints; i++)
        {
            _touchpointIds[i] = JsonEncodedText.Encode(TouchpointId(i));
        }

        _pairs = (long)customers * touchpoints;
        _isDisrupted = new bool[customers];
        _disrupted = injecting ? new int[disrupt] : [];
        var stride = Math.Max(1, customers / Math.Max(1, disrupt));
        for (var k = 0; k < _disrupted.Length; k++)
        {
            _disrupted[k] = k * stride;
            _isDisrupted[k * stride] = true;
        }

        var perPair = rate / _pairs;
        var wanted = _disrupted.Length * Math.Max(0, DisruptedCheckoutEventsPerSecond - perPair);
        WantedExtraShare = wanted / rate;
        ExtraShare = Math.Min(WantedExtraShare, MaxExtraShare);
        DisruptedCheckoutRate = _disrupted.Length == 0 ? 0 : (rate * ExtraShare / _disrupted.Length) + (rate * (1 - ExtraShare) / _pairs);
    }

    public int Customers => _customerIds.Length;

    public int Touchpoints => _touchpointIds.Length;

    public long Pairs => _pairs;

    /// <summary>Part of all events that goes to the disrupted customers' checkout on top of the round-robin.</summary>
    public double ExtraShare { get; }

    /// <summary>The share the disrupted customers would need; more than <see cref="ExtraShare"/> when it was capped.</summary>
    public double WantedExtraShare { get; }

    /// <summary>Checkout events per second each disrupted customer gets at the target rate.</summary>
    public double DisruptedCheckoutRate { get; }

    public IReadOnlyList<string> DisruptedCustomerIds => [.. _disrupted.Select(CustomerId)];

    public static string CustomerId(int index) => $"c{index}";

    public static string TouchpointId(int index) => $"tp{index}";

    public JsonEncodedText CustomerIdText(int customer) => _customerIds[customer];

    public JsonEncodedText TouchpointIdText(int touchpoint) => _touchpointIds[touchpoint];

    public bool IsDisrupted(int customer) => _isDisrupted[customer];

    public (int Customer, int Touchpoint) Pick(long sequence)
    {
        var extraBefore = 0L;
        if (ExtraShare > 0)
        {
            extraBefore = (long)(sequence * ExtraShare);
            if ((long)((sequence + 1) * ExtraShare) > extraBefore)
            {
                return (_disrupted[extraBefore % _disrupted.Length], CheckoutIndex);
            }
        }

        var pair = (sequence - extraBefore) % _pairs;
        return ((int)(pair % _customerIds.Length), (int)(pair / _customerIds.Length % _touchpointIds.Length));
    }
}
