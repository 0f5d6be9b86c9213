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
    CustomerAdmission customers,
    TouchpointAdmission touchpoints,
    IngestMetrics metrics,
    IOptions<IngestOptions> ingest,
    IOptions<TelemetryOptions> telemetry,
    TimeProvider clock)
{
    /// <summary>Reads and judges a body; <see cref="HandAsync"/> then admits and hands over what it accepted.</summary>
    public TelemetryBatchBuilder Parse(ReadOnlySpan<byte> body, bool ndjson)
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

        return builder;
    }

    /// <summary>A builder that judges events against the current time and the configured windows.</summary>
    public TelemetryBatchBuilder NewBatch() =>
        new(telemetry.Value, catalog, clock.GetUtcNow(), TimeSpan.FromSeconds(ingest.Value.MaxEventAgeSeconds), customers, touchpoints);

    /// <summary>
    /// Settles the customers the batch would create (Ingest:MaxCustomers, one index call for all of them), then hands
    /// what the builder accepted to the pipeline, all or nothing, and counts it.
    /// </summary>
    public async Task<IngestOutcome> HandAsync(TelemetryBatchBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Pending.Count > 0)
        {
            var (admitted, why) = await customers.AdmitAsync(builder.Pending.Keys);
            builder.Settle(admitted, why);
        }

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
