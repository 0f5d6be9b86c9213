using System.Buffers;
using System.IO.Compression;

namespace CxLive.Api.Ingest;

/// <summary>
/// A request body read whole into a pooled buffer, gunzipped when <c>Content-Encoding: gzip</c>, refused with 413
/// past the limit (counted after decompression, so a small gzip bomb cannot blow up memory).
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static bool IsSupportedEncoding(HttpRequest request, out bool gzip)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        return gzip || encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<RequestBody> ReadAsync(HttpRequest request, bool gzip, long maxBytes, CancellationToken cancellationToken)
    {
        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var stream = source ?? request.Body;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, Math.Max(request.ContentLength ?? 0, 64 * 1024)));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new BadHttpRequestException($"The body is not valid gzip: {ex.Message}", StatusCodes.Status400BadRequest);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new RequestBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The body is larger than {maxBytes} bytes after decompression (Ingest:MaxBodyBytes).", StatusCodes.Status413PayloadTooLarge);
}
