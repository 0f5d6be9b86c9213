namespace CxLive.Api.Ingest;

/// <summary>One telemetry event as read from the body, before it is judged valid. Ids stay as bytes until accepted.</summary>
internal ref struct TelemetryEventFields
{
    public ReadOnlySpan<byte> CustomerId;
    public ReadOnlySpan<byte> Touchpoint;
    public bool HasCustomerId;
    public bool HasTouchpoint;
    public DateTimeOffset? Timestamp;
    public double? LatencyMs;
    public bool? Success;
    public long? Count;
    public long? Errors;
    public long? Slow;

    /// <summary>The first problem found while reading (a wrong type, say); the event is rejected with it.</summary>
    public string? Problem;

    public void Fail(string problem) => Problem ??= problem;
}
