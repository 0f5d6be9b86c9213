using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace CxLive.Grains.Index;

/// <summary>
/// A 64-bit fingerprint of everything in an <see cref="IndexRow"/>, so that a grain remembers what it last wrote in
/// 8 bytes instead of keeping the row (a customer grain lives as long as its traffic; the row would cost ~1-2 KB each).
/// Order-independent over the dictionaries: they are hashed in key order.
/// </summary>
public static class IndexRowHash
{
    public static ulong Of(IndexRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var hash = new XxHash3();
        Text(hash, row.Id);
        hash.Append(row.Payload);
        foreach (var tag in row.Tags)
        {
            Text(hash, tag);
        }

        Numbers(hash, row.Sorts);
        Numbers(hash, row.Counters);
        return hash.GetCurrentHashAsUInt64();
    }

    private static void Numbers(XxHash3 hash, IReadOnlyDictionary<string, double> values)
    {
        Span<byte> number = stackalloc byte[8];
        foreach (var key in values.Keys.Order(StringComparer.Ordinal))
        {
            Text(hash, key);
            BinaryPrimitives.WriteDoubleLittleEndian(number, values[key]);
            hash.Append(number);
        }
    }

    private static void Text(XxHash3 hash, string text)
    {
        hash.Append(Encoding.UTF8.GetBytes(text));
        hash.Append([0]);
    }
}
