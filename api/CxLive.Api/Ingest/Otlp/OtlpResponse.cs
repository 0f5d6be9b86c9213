using System.Text.Json;
using Google.Protobuf;

namespace CxLive.Api.Ingest.Otlp;

/// <summary>
/// The ExportTraceServiceResponse body, in the request's encoding: empty on full success, else partial_success
/// (field 1) with rejected_spans (1) and error_message (2).
/// </summary>
internal static class OtlpResponse
{
    private const int PartialSuccess = 1;
    private const int RejectedSpans = 1;
    private const int ErrorMessage = 2;

    public static byte[] Protobuf(long rejected, string? message)
    {
        if (rejected == 0 && message is null)
        {
            return [];
        }

        var inner = CodedOutputStream.ComputeTagSize(RejectedSpans) + CodedOutputStream.ComputeInt64Size(rejected);
        if (message is not null)
        {
            inner += CodedOutputStream.ComputeTagSize(ErrorMessage) + CodedOutputStream.ComputeStringSize(message);
        }

        var bytes = new byte[CodedOutputStream.ComputeTagSize(PartialSuccess) + CodedOutputStream.ComputeLengthSize(inner) + inner];
        var output = new CodedOutputStream(bytes);
        output.WriteTag(PartialSuccess, WireFormat.WireType.LengthDelimited);
        output.WriteLength(inner);
        output.WriteTag(RejectedSpans, WireFormat.WireType.Varint);
        output.WriteInt64(rejected);
        if (message is not null)
        {
            output.WriteTag(ErrorMessage, WireFormat.WireType.LengthDelimited);
            output.WriteString(message);
        }

        output.CheckNoSpaceLeft();
        return bytes;
    }

    public static byte[] Json(long rejected, string? message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (rejected != 0 || message is not null)
            {
                json.WriteStartObject("partialSuccess");
                json.WriteNumber("rejectedSpans", rejected);
                if (message is not null)
                {
                    json.WriteString("errorMessage", message);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
