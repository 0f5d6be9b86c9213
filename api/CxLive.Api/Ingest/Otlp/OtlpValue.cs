namespace CxLive.Api.Ingest.Otlp;

/// <summary>The part of an attribute's AnyValue CxLive can use: a string or an integer.</summary>
internal readonly ref struct OtlpValue
{
    private OtlpValue(ReadOnlySpan<byte> text, long? integer)
    {
        Text = text;
        Integer = integer;
    }

    public ReadOnlySpan<byte> Text { get; }

    public long? Integer { get; }

    public bool IsText => Integer is null;

    public static OtlpValue FromText(ReadOnlySpan<byte> utf8) => new(utf8, null);

    public static OtlpValue FromInteger(long value) => new(default, value);
}
