namespace CxLive.Api.Ingest.Otlp;

/// <summary>The body is not a protobuf-encoded ExportTraceServiceRequest; the whole request is refused with 400.</summary>
internal sealed class OtlpDecodeException(string message) : Exception(message);
