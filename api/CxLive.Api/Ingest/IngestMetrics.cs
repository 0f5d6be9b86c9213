using System.Diagnostics.Metrics;

namespace CxLive.Api.Ingest;

/// <summary>The api's ingest instruments (meter "CxLive", names cxlive.*).</summary>
internal sealed class IngestMetrics
{
    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("CxLive");
        EventsAccepted = meter.CreateCounter<long>("cxlive.ingest.events.accepted", "{event}", "Telemetry events accepted");
        EventsRejected = meter.CreateCounter<long>("cxlive.ingest.events.rejected", "{event}", "Telemetry events rejected, one by one");
        EventsDropped = meter.CreateCounter<long>("cxlive.ingest.events.dropped", "{event}", "Accepted events that could not be delivered to a grain");
        SpansAccepted = meter.CreateCounter<long>("cxlive.ingest.spans.accepted", "{span}", "OTLP spans accepted as telemetry events");
        SpansDropped = meter.CreateCounter<long>("cxlive.ingest.spans.dropped", "{span}", "OTLP spans dropped because no attribute named a customer");
        SpansRejected = meter.CreateCounter<long>("cxlive.ingest.spans.rejected", "{span}", "OTLP spans that could not become valid events");
        BatchesRefused = meter.CreateCounter<long>("cxlive.ingest.batches.refused", "{batch}", "Batches refused whole because the pipeline was full");
        FlushCustomers = meter.CreateHistogram<int>("cxlive.ingest.flush.customers", "{customer}", "Customer grain calls per flush");
        FlushDuration = meter.CreateHistogram<double>("cxlive.ingest.flush.duration", "ms", "Time to deliver one flush to the grains");
    }

    public Counter<long> EventsAccepted { get; }

    public Counter<long> EventsRejected { get; }

    public Counter<long> EventsDropped { get; }

    public Counter<long> SpansAccepted { get; }

    public Counter<long> SpansDropped { get; }

    public Counter<long> SpansRejected { get; }

    public Counter<long> BatchesRefused { get; }

    public Histogram<int> FlushCustomers { get; }

    public Histogram<double> FlushDuration { get; }
}
