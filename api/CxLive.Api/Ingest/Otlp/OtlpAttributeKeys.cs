using System.Text;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>The configured attribute keys as UTF-8, so attributes are recognised without decoding their keys.</summary>
internal sealed class OtlpAttributeKeys
{
    private readonly byte[][] _customer;
    private readonly byte[][] _touchpoint;

    public OtlpAttributeKeys(IOptions<OtlpOptions> options)
    {
        CustomerNames = options.Value.CustomerKeys;
        TouchpointNames = options.Value.TouchpointKeys;
        _customer = [.. CustomerNames.Select(Encoding.UTF8.GetBytes)];
        _touchpoint = [.. TouchpointNames.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>The semantic-conventions key of a server's or client's HTTP response status.</summary>
    public static ReadOnlySpan<byte> HttpStatusCodeKey => "http.response.status_code"u8;

    public IReadOnlyList<string> CustomerNames { get; }

    public IReadOnlyList<string> TouchpointNames { get; }

    /// <summary>The role of the attribute <paramref name="key"/>; <paramref name="rank"/> is its place in its list (0 first).</summary>
    public AttributeRole Classify(ReadOnlySpan<byte> key, out int rank)
    {
        rank = IndexOf(_customer, key);
        if (rank >= 0)
        {
            return AttributeRole.Customer;
        }

        rank = IndexOf(_touchpoint, key);
        if (rank >= 0)
        {
            return AttributeRole.Touchpoint;
        }

        rank = 0;
        return key.SequenceEqual(HttpStatusCodeKey) ? AttributeRole.HttpStatusCode : AttributeRole.None;
    }

    private static int IndexOf(byte[][] keys, ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (key.SequenceEqual(keys[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
