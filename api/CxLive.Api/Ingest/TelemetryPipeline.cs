using CxLive.Grains.Abstractions.Telemetry;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest;

/// <summary>
/// Telemetry accepted by this api process and not yet flushed to the grains: customers' counts and touchpoints'
/// KPI partials, merged across requests so a flush makes one grain call per customer, however many batches came.
/// Bounded: past <see cref="IngestOptions.MaxPendingEvents"/> new batches are refused (503) rather than queued.
/// </summary>
internal sealed class TelemetryPipeline(IOptions<IngestOptions> options, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private Pending _pending = new();

    public long PendingEvents
    {
        get
        {
            lock (_lock)
            {
                return _pending.Events;
            }
        }
    }

    /// <summary>Merges a request's accepted events; false (nothing merged) when the pipeline is full.</summary>
    public bool TryAccept(TelemetryBatchBuilder batch)
    {
        lock (_lock)
        {
            if (_pending.Events + batch.Accepted > options.Value.MaxPendingEvents)
            {
                return false;
            }

            _pending.Merge(batch.Customers, batch.Touchpoints, clock.GetUtcNow());
            _pending.Events += batch.Accepted;
            return true;
        }
    }

    /// <summary>Takes everything pending, leaving the pipeline empty.</summary>
    public Pending Take()
    {
        lock (_lock)
        {
            var taken = _pending;
            _pending = new Pending();
            return taken;
        }
    }

    /// <summary>
    /// Puts back the calls a flush could not deliver, as they were (same sender and sequence, so a call that did land
    /// after all is not counted twice), to be sent before anything newer for those customers; false when there was no
    /// room and they had to be dropped.
    /// </summary>
    public bool Return(IReadOnlyDictionary<string, List<CustomerTelemetry>> calls)
    {
        var events = calls.Values.Sum(list => list.Sum(c => c.Events));
        lock (_lock)
        {
            if (_pending.Events + events > options.Value.MaxPendingEvents)
            {
                return false;
            }

            foreach (var (customer, list) in calls)
            {
                if (_pending.Retries.TryGetValue(customer, out var queued))
                {
                    queued.AddRange(list);
                }
                else
                {
                    _pending.Retries[customer] = [.. list];
                }
            }

            _pending.Events += events;
            return true;
        }
    }

    internal sealed class Pending
    {
        public Dictionary<string, CustomerAccumulator> Customers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, TouchpointKpiAccumulator> Touchpoints { get; } = new(StringComparer.Ordinal);

        /// <summary>Calls an earlier flush could not deliver, per customer in the order made: they go first.</summary>
        public Dictionary<string, List<CustomerTelemetry>> Retries { get; } = new(StringComparer.Ordinal);

        public long Events { get; set; }

        /// <summary>When the oldest pending event arrived (for the detection-lag metric).</summary>
        public DateTimeOffset? FirstReceivedAt { get; private set; }

        public void Merge(Dictionary<string, CustomerAccumulator> customers, Dictionary<string, TouchpointKpiAccumulator> touchpoints, DateTimeOffset receivedAt)
        {
            FirstReceivedAt ??= receivedAt;
            foreach (var (id, source) in customers)
            {
                if (Customers.TryGetValue(id, out var existing))
                {
                    existing.MergeFrom(source);
                }
                else
                {
                    Customers[id] = source;
                }
            }

            foreach (var (id, source) in touchpoints)
            {
                if (Touchpoints.TryGetValue(id, out var existing))
                {
                    existing.MergeFrom(source);
                }
                else
                {
                    Touchpoints[id] = source;
                }
            }
        }

        public static CustomerTelemetry ToMessage(CustomerAccumulator customer, DateTimeOffset receivedAt, string sender, long sequence) =>
            new([.. customer.Touchpoints.Select(t => new TouchpointTelemetry(t.Touchpoint, [.. t.Slots], Domain.Telemetry.LatencyMedian.Of(t.Samples)))], receivedAt)
            {
                Sender = sender,
                Sequence = sequence,
            };

        public static KpiSlot[] ToMessage(TouchpointKpiAccumulator touchpoint) =>
            [.. touchpoint.Slots.Select(s => new KpiSlot(s.Key, s.Value.Total, s.Value.Errors, s.Value.Slow, s.Value.Sketch.FirstIndex, s.Value.Sketch.ToBucketCounts(), s.Value.Sketch.ZeroCount))];
    }
}
