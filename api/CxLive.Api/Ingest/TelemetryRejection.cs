namespace CxLive.Api.Ingest;

/// <summary>An event refused, by its position in the batch (0-based; NDJSON counts non-blank lines).</summary>
internal sealed record TelemetryRejection(int Index, string Error);
