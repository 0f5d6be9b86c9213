using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest;

/// <summary>
/// Parse, judge, pre-aggregate and hand over one batch of telemetry: the path both the HTTP endpoint and the demo
/// simulator take. Throws <see cref="System.Text.Json.JsonException"/> for a JSON body that is not JSON.
/// </summary>
internal sealed class TelemetryIngest(
    TelemetryPipeline pipeline,
    TouchpointCatalog catalog,
    IngestMetrics metrics,
    IOptions<IngestOptions> ingest,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider clock)
{
    public IngestOutcome Ingest(ReadOnlySpan<byte> body, bool ndjson)
    {
        var builder = NewBatch();
        var reader = new TelemetryReader(builder);
        if (ndjson)
        {
            reader.ReadNdjson(body);
        }
        else
        {
            reader.ReadJson(body);
        }

        return Hand(builder);
    }

    /// <summary>A builder that judges events against the current time and the configured windows.</summary>
    public TelemetryBatchBuilder NewBatch() =>
        new(telemetry.Value, catalog, clock.GetUtcNow(), TimeSpan.FromSeconds(ingest.Value.MaxEventAgeSeconds));

    /// <summary>Hands what a builder accepted to the pipeline, all or nothing, and counts it.</summary>
    public IngestOutcome Hand(TelemetryBatchBuilder builder)
    {
        if (builder.Accepted > 0 && !pipeline.TryAccept(builder))
        {
            metrics.BatchesRefused.Add(1);
            return new IngestOutcome(0, builder.Rejected, builder.RejectedCount, Saturated: true);
        }

        metrics.EventsAccepted.Add(builder.Accepted);
        metrics.EventsRejected.Add(builder.RejectedCount);
        return new IngestOutcome(builder.Accepted, builder.Rejected, builder.RejectedCount, Saturated: false);
    }
}

/// <summary>What became of a batch; <see cref="Saturated"/> means nothing of it was kept.</summary>
internal sealed record IngestOutcome(int Accepted, IReadOnlyList<TelemetryRejection> Rejected, int RejectedCount, bool Saturated);
