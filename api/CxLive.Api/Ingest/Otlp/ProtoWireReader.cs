using System.Buffers.Binary;
using Google.Protobuf;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// Reads one protobuf message's fields straight from its bytes: nested messages and strings come back as slices of
/// the same buffer, so decoding allocates nothing. (Google.Protobuf's <see cref="CodedInputStream"/> cannot bound a
/// nested message without copying it, and a copy per span and attribute is what this avoids.)
/// </summary>
internal ref struct ProtoWireReader
{
    private const int MaxVarintBytes = 10;
    private readonly ReadOnlySpan<byte> _message;
    private int _position;
    private WireFormat.WireType _wireType;

    public ProtoWireReader(ReadOnlySpan<byte> message)
    {
        _message = message;
    }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool TryReadField(out int field)
    {
        field = 0;
        if (_position >= _message.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        _wireType = (WireFormat.WireType)(tag & 7);
        if (tag >> 3 is 0 or > int.MaxValue)
        {
            throw Fail("a field number out of range");
        }

        field = (int)(tag >> 3);
        return true;
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        Expect(WireFormat.WireType.LengthDelimited);
        return TakeLengthDelimited();
    }

    public ulong ReadFixed64()
    {
        Expect(WireFormat.WireType.Fixed64);
        return BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    }

    /// <summary>An int64, int32 or enum (a negative int32 is sign-extended to ten bytes on the wire).</summary>
    public long ReadInt64()
    {
        Expect(WireFormat.WireType.Varint);
        return (long)ReadVarint();
    }

    /// <summary>Skips the field just read, whatever it holds.</summary>
    public void Skip()
    {
        switch (_wireType)
        {
            case WireFormat.WireType.Varint:
                ReadVarint();
                break;
            case WireFormat.WireType.Fixed64:
                Take(8);
                break;
            case WireFormat.WireType.Fixed32:
                Take(4);
                break;
            case WireFormat.WireType.LengthDelimited:
                TakeLengthDelimited();
                break;
            default:
                throw Fail($"wire type {(int)_wireType}, which OTLP does not use");
        }
    }

    private ReadOnlySpan<byte> TakeLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_message.Length - _position))
        {
            throw Fail("a length that runs past the end of its message");
        }

        return Take((int)length);
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (_position >= _message.Length)
            {
                throw Fail("a number cut off by the end of its message");
            }

            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Fail("a number longer than 10 bytes");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _message.Length - _position)
        {
            throw Fail("a value cut off by the end of its message");
        }

        var slice = _message.Slice(_position, length);
        _position += length;
        return slice;
    }

    private readonly void Expect(WireFormat.WireType wireType)
    {
        if (_wireType != wireType)
        {
            throw Fail($"wire type {(int)_wireType} where OTLP has {(int)wireType}");
        }
    }

    private readonly OtlpDecodeException Fail(string what) =>
        new($"The body is not a protobuf ExportTraceServiceRequest: it has {what} (byte {_position} of a {_message.Length}-byte message).");
}
