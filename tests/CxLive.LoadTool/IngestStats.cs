namespace CxLive.LoadTool;

/// <summary>Counters of the ingest side, shared by all senders.</summary>
internal sealed class IngestStats(TimeSpan duration)
{
    private const int MaxRejectionSamples = 5;

    private readonly Lock _lock = new();
    private readonly List<double> _latenciesMs = [];
    private readonly Dictionary<string, long> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _rejectionSamples = new(StringComparer.Ordinal);

    // Accepted events by the second of the run their answer arrived in; room for answers after the end.
    private readonly long[] _acceptedPerSecond = new long[(int)duration.TotalSeconds + 120];
    private long _requestsStarted;
    private long _requestsDone;
    private long _eventsSent;
    private long _eventsAccepted;
    private long _eventsRejected;
    private long _eventsRefused;
    private long _backpressure;
    private long _transportErrors;

    public long RequestsStarted => Interlocked.Read(ref _requestsStarted);

    public long RequestsDone => Interlocked.Read(ref _requestsDone);

    public long InFlight => RequestsStarted - RequestsDone;

    public long EventsSent => Interlocked.Read(ref _eventsSent);

    public long EventsAccepted => Interlocked.Read(ref _eventsAccepted);

    /// <summary>Events the server rejected one by one in a 2xx answer.</summary>
    public long EventsRejected => Interlocked.Read(ref _eventsRejected);

    /// <summary>Events in requests that got no 2xx answer (backpressure, errors, no answer).</summary>
    public long EventsRefused => Interlocked.Read(ref _eventsRefused);

    /// <summary>Answers 429 and 503.</summary>
    public long Backpressure => Interlocked.Read(ref _backpressure);

    public long TransportErrors => Interlocked.Read(ref _transportErrors);

    public void RecordSent(int events)
    {
        Interlocked.Increment(ref _requestsStarted);
        Interlocked.Add(ref _eventsSent, events);
    }

    public void RecordAccepted(int status, double latencyMs, IngestAnswer answer, TimeSpan at)
    {
        Interlocked.Add(ref _eventsAccepted, answer.Accepted);
        Interlocked.Add(ref _eventsRejected, answer.Rejected);
        Interlocked.Add(ref _acceptedPerSecond[Math.Min((int)at.TotalSeconds, _acceptedPerSecond.Length - 1)], answer.Accepted);
        lock (_lock)
        {
            _latenciesMs.Add(latencyMs);
            Count(_statuses, StatusKey(status));
            if (answer.FirstError is { } error && (_rejectionSamples.Count < MaxRejectionSamples || _rejectionSamples.ContainsKey(error)))
            {
                Count(_rejectionSamples, error);
            }
        }

        Interlocked.Increment(ref _requestsDone);
    }

    public void RecordRefused(int status, int events)
    {
        Interlocked.Add(ref _eventsRefused, events);
        if (status is 429 or 503)
        {
            Interlocked.Increment(ref _backpressure);
        }

        lock (_lock)
        {
            Count(_statuses, StatusKey(status));
        }

        Interlocked.Increment(ref _requestsDone);
    }

    public void RecordTransportError(string kind, int events)
    {
        Interlocked.Add(ref _eventsRefused, events);
        Interlocked.Increment(ref _transportErrors);
        lock (_lock)
        {
            Count(_statuses, $"error:{kind}");
        }

        Interlocked.Increment(ref _requestsDone);
    }

    /// <summary>Latency of requests answered 2xx, in milliseconds.</summary>
    public Quantiles Latencies()
    {
        lock (_lock)
        {
            return new Quantiles(_latenciesMs);
        }
    }

    public IReadOnlyDictionary<string, long> Statuses()
    {
        lock (_lock)
        {
            return new SortedDictionary<string, long>(_statuses, StringComparer.Ordinal);
        }
    }

    public IReadOnlyDictionary<string, long> RejectionSamples()
    {
        lock (_lock)
        {
            return new Dictionary<string, long>(_rejectionSamples, StringComparer.Ordinal);
        }
    }

    /// <summary>Accepted events a second over whole seconds [from, to) of the run.</summary>
    public double AcceptedRate(int fromSecond, int toSecond)
    {
        fromSecond = Math.Clamp(fromSecond, 0, _acceptedPerSecond.Length);
        toSecond = Math.Clamp(toSecond, fromSecond, _acceptedPerSecond.Length);
        var sum = 0L;
        for (var s = fromSecond; s < toSecond; s++)
        {
            sum += Interlocked.Read(ref _acceptedPerSecond[s]);
        }

        return toSecond > fromSecond ? (double)sum / (toSecond - fromSecond) : 0;
    }

    private static string StatusKey(int status) => status is 429 or 503 ? $"{status} (backpressure)" : $"{status}";

    private static void Count(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
