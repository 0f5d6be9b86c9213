using System.ComponentModel.DataAnnotations;

namespace CxLive.Api.Ingest;

/// <summary>Limits of what senders may post (section <c>Ingest</c>).</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest body, after decompression; larger ones are refused whole with 413.</summary>
    [Range(1024, 1L << 30, ErrorMessage = "Ingest:MaxBodyBytes must be between 1 KiB and 1 GiB.")]
    public long MaxBodyBytes { get; set; } = 8L * 1024 * 1024;
}
