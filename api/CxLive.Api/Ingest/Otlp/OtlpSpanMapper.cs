using System.Buffers.Text;
using CxLive.Domain;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Turns spans into telemetry events for the batch builder: the customer and touchpoint from the configured
/// attributes, success from the status and the HTTP response code, latency from end - start, timestamp from the
/// start. A span with no customer is counted and dropped; one that cannot become a valid event is rejected by index
/// (its 0-based place in the request), with the builder's own checks (timestamp window) on top.
/// </summary>
internal sealed class OtlpSpanMapper(TelemetryBatchBuilder builder, OtlpAttributeKeys keys)
{
    private const int StatusCodeError = 2;
    private const int ScratchBytes = 4096;
    private const string IdRule = "1-128 characters of letters, digits and . _ : @ -";

    /// <summary>Stands in for a value too long for its scratch buffer: as an id it is too long, so it is rejected.</summary>
    private static readonly byte[] TooLong = [.. Enumerable.Repeat((byte)'x', EntityId.MaxLength + 1)];

    private readonly byte[] _customerScratch = new byte[ScratchBytes];
    private readonly byte[] _touchpointScratch = new byte[ScratchBytes];
    private readonly byte[] _nameScratch = new byte[ScratchBytes];
    private readonly byte[] _touchpointId = new byte[EntityId.MaxLength];
    private readonly OtlpResource _resource = new();
    private int _index;
    private int _touchpointLength;

    public OtlpAttributeKeys Keys => keys;

    public int Spans => _index;

    public int DroppedWithoutCustomer { get; private set; }

    /// <summary>Where to unescape a value of <paramref name="role"/> (JSON); it stays there until the span is added.</summary>
    public byte[] ScratchFor(AttributeRole role) => role switch
    {
        AttributeRole.Customer => _customerScratch,
        AttributeRole.Touchpoint => _touchpointScratch,
        _ => _nameScratch,
    };

    public static ReadOnlySpan<byte> TooLongValue => TooLong;

    /// <summary>Starts the next resource: its attributes apply to the spans read until the next call.</summary>
    public OtlpResource StartResource()
    {
        _resource.Reset();
        return _resource;
    }

    /// <summary>Whether a value for <paramref name="role"/> at <paramref name="rank"/> would beat what the span has.</summary>
    public static bool Wants(ref OtlpSpan span, AttributeRole role, int rank) => role switch
    {
        AttributeRole.Customer => rank < span.CustomerRank,
        AttributeRole.Touchpoint => rank < span.TouchpointRank,
        AttributeRole.HttpStatusCode => true,
        _ => false,
    };

    /// <summary>Takes an attribute's value for the span when it beats what the span has.</summary>
    public void Offer(ref OtlpSpan span, AttributeRole role, int rank, OtlpValue value)
    {
        if (!Wants(ref span, role, rank))
        {
            return;
        }

        if (role == AttributeRole.HttpStatusCode)
        {
            span.HttpStatusCode = value.Integer ?? (Utf8Parser.TryParse(value.Text, out long code, out var used) && used == value.Text.Length ? code : null);
        }
        else if (role == AttributeRole.Customer)
        {
            span.Customer = AsText(value, _customerScratch);
            span.CustomerRank = rank;
        }
        else
        {
            span.Touchpoint = AsText(value, _touchpointScratch);
            span.TouchpointRank = rank;
        }
    }

    /// <summary>Takes a resource attribute's value (copied: it outlives the scratch buffers).</summary>
    public void Offer(OtlpResource resource, AttributeRole role, int rank, OtlpValue value)
    {
        if (role is AttributeRole.Customer or AttributeRole.Touchpoint)
        {
            resource.Offer(role, rank, AsText(value, _nameScratch));
        }
    }

    /// <summary>Judges one finished span and hands it to the builder as an event, or counts it dropped or rejected.</summary>
    public void Add(ref OtlpSpan span, OtlpResource resource)
    {
        var index = _index++;
        var spanFirst = span.CustomerRank != OtlpSpan.NotFound && span.CustomerRank <= resource.CustomerRank;
        if (!spanFirst && resource.Customer is null)
        {
            DroppedWithoutCustomer++;
            return;
        }

        var customer = spanFirst ? span.Customer : resource.Customer;
        if (!EntityId.IsValid(customer))
        {
            var key = keys.CustomerNames[spanFirst ? span.CustomerRank : resource.CustomerRank];
            builder.Reject(index, $"the customer id in attribute '{key}' is not {IdRule}");
            return;
        }

        if (Touchpoint(ref span, resource) is { } problem)
        {
            builder.Reject(index, problem);
            return;
        }

        if (span.StartNanos == 0 || span.EndNanos < span.StartNanos)
        {
            builder.Reject(index, span.StartNanos == 0 ? "the span has no start time" : "the span ends before it starts");
            return;
        }

        var fields = new TelemetryEventFields
        {
            CustomerId = customer,
            HasCustomerId = true,
            Touchpoint = _touchpointId.AsSpan(0, _touchpointLength),
            HasTouchpoint = true,
            Timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartNanos / TimeSpan.NanosecondsPerTick)),
            LatencyMs = (span.EndNanos - span.StartNanos) / 1e6,
            Success = span.StatusCode != StatusCodeError && span.HttpStatusCode is not >= 500,
        };
        builder.Add(index, ref fields);
    }

    /// <summary>What the OTLP answer's partial_success.error_message says; null when every span was taken.</summary>
    public string? Summary(int listed = 3)
    {
        var parts = new List<string>(2);
        if (DroppedWithoutCustomer > 0)
        {
            parts.Add($"{Spans(DroppedWithoutCustomer)} had no customer attribute ({string.Join(", ", keys.CustomerNames)}) on the span or its resource and were dropped");
        }

        if (builder.RejectedCount > 0)
        {
            var examples = string.Join("; ", builder.Rejected.Take(listed).Select(r => $"span {r.Index}: {r.Error}"));
            parts.Add($"{Spans(builder.RejectedCount)} were rejected ({examples}{(builder.RejectedCount > listed ? "; ..." : "")})");
        }

        return parts.Count == 0 ? null : string.Join(". ", parts) + ".";

        static string Spans(int n) => n == 1 ? "1 span" : $"{n} spans";
    }

    /// <summary>Picks and normalizes the touchpoint into <see cref="_touchpointId"/>; the reason when there is none.</summary>
    private string? Touchpoint(ref OtlpSpan span, OtlpResource resource)
    {
        ReadOnlySpan<byte> source;
        var rank = -1; // -1: the span name
        if (span.TouchpointRank != OtlpSpan.NotFound && span.TouchpointRank <= resource.TouchpointRank)
        {
            source = span.Touchpoint;
            rank = span.TouchpointRank;
        }
        else if (resource.Touchpoint is { } fromResource)
        {
            source = fromResource;
            rank = resource.TouchpointRank;
        }
        else if (span.HasName)
        {
            source = span.Name;
        }
        else
        {
            return $"no touchpoint: the span has no name and no attribute {string.Join(", ", keys.TouchpointNames)}";
        }

        _touchpointLength = SpanTouchpoint.Normalize(source, _touchpointId);
        if (_touchpointLength > 0)
        {
            return null;
        }

        var from = rank < 0 ? "the span name" : $"attribute '{keys.TouchpointNames[rank]}'";
        return _touchpointLength == 0
            ? $"the touchpoint from {from} has no letters or digits to make an id of"
            : $"the touchpoint from {from} is longer than {EntityId.MaxLength} characters as an id";
    }

    private static ReadOnlySpan<byte> AsText(OtlpValue value, byte[] scratch)
    {
        if (value.IsText)
        {
            return value.Text;
        }

        return value.Integer!.Value.TryFormat(scratch, out var written, default, System.Globalization.CultureInfo.InvariantCulture)
            ? scratch.AsSpan(0, written)
            : TooLong;
    }
}
