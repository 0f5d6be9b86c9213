namespace CxLive.Api.Ingest.Otlp;

/// <summary>What CxLive reads of one span, as slices of the body (or of the mapper's scratch), before it is judged.</summary>
internal ref struct OtlpSpan
{
    public const int NotFound = int.MaxValue;

    /// <summary>The customer attribute's value, from the best-ranked key seen so far (<see cref="CustomerRank"/>).</summary>
    public ReadOnlySpan<byte> Customer;
    public int CustomerRank;
    public ReadOnlySpan<byte> Touchpoint;
    public int TouchpointRank;
    public ReadOnlySpan<byte> Name;
    public bool HasName;
    public ulong StartNanos;
    public ulong EndNanos;

    /// <summary>Span status code: 0 unset, 1 ok, 2 error.</summary>
    public long StatusCode;
    public long? HttpStatusCode;

    public OtlpSpan()
    {
        CustomerRank = NotFound;
        TouchpointRank = NotFound;
    }
}
