using CxLive.Domain;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Turns a route or span name into a touchpoint id: every run of characters outside <c>[A-Za-z0-9._:@-]</c>
/// (slashes, spaces, braces, any non-ASCII) becomes one '.', and runs at either end are dropped, so
/// <c>GET /api/orders/{id}</c> becomes <c>GET.api.orders.id</c>. A valid id stays as it is.
/// </summary>
internal static class SpanTouchpoint
{
    /// <summary>The id's length in <paramref name="id"/>; 0 when nothing usable is left, -1 when longer than 128.</summary>
    public static int Normalize(ReadOnlySpan<byte> source, Span<byte> id)
    {
        var length = 0;
        var separate = false;
        foreach (var b in source)
        {
            if (!EntityId.IsAllowed((char)b))
            {
                separate = length > 0;
                continue;
            }

            if (length + (separate ? 2 : 1) > EntityId.MaxLength || length + (separate ? 2 : 1) > id.Length)
            {
                return -1;
            }

            if (separate)
            {
                id[length++] = (byte)'.';
                separate = false;
            }

            id[length++] = b;
        }

        return length;
    }
}
