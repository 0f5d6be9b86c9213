namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// One OTLP export: spans read (protobuf or JSON), mapped to telemetry events by the same batch builder as raw
/// events, and handed to the same pipeline, so a flush still makes one grain call per customer.
/// </summary>
internal sealed class OtlpIngest(TelemetryIngest ingest, OtlpAttributeKeys keys, IngestMetrics metrics)
{
    /// <summary>Reads an export; throws <see cref="System.Text.Json.JsonException"/> or <see cref="OtlpDecodeException"/> for an undecodable body.</summary>
    public OtlpExport Parse(ReadOnlySpan<byte> body, bool json)
    {
        var builder = ingest.NewBatch();
        var mapper = new OtlpSpanMapper(builder, keys);
        if (json)
        {
            new OtlpJsonReader(mapper).Read(body);
        }
        else
        {
            new OtlpProtobufReader(mapper).Read(body);
        }

        return new OtlpExport(builder, mapper);
    }

    /// <summary>Admits and hands over what an export's spans became.</summary>
    public async Task<OtlpOutcome> HandAsync(OtlpExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var (builder, mapper) = export;
        var outcome = await ingest.HandAsync(builder);
        if (outcome.Saturated)
        {
            return new OtlpOutcome(0, mapper.Spans, null, Saturated: true);
        }

        metrics.SpansAccepted.Add(outcome.Accepted);
        metrics.SpansDropped.Add(mapper.DroppedWithoutCustomer);
        metrics.SpansRejected.Add(builder.RejectedCount);
        return new OtlpOutcome(outcome.Accepted, mapper.DroppedWithoutCustomer + builder.RejectedCount, mapper.Summary(), Saturated: false);
    }
}

/// <summary>An export read: its events judged, not handed over yet.</summary>
internal sealed record OtlpExport(TelemetryBatchBuilder Builder, OtlpSpanMapper Mapper);

/// <summary>What became of an export: <see cref="Rejected"/> counts dropped and rejected spans together, as OTLP does.</summary>
internal sealed record OtlpOutcome(int Accepted, int Rejected, string? ErrorMessage, bool Saturated);
