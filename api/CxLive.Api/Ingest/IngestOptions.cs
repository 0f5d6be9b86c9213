using System.ComponentModel.DataAnnotations;
using CxLive.Domain;

namespace CxLive.Api.Ingest;

/// <summary>Limits of what senders may post (section <c>Ingest</c>).</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest body, after decompression; larger ones are refused whole with 413.</summary>
    [SettingRange(1024, 1L << 30, ErrorMessage = "Ingest:MaxBodyBytes must be between 1 KiB and 1 GiB.")]
    public long MaxBodyBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>
    /// Largest body of every route that is not ingest (profiles, definitions, notes, silences, keys): refused with 413
    /// before anything is bound, so no list or string a client sends there can be larger.
    /// </summary>
    [SettingRange(1024, 16L * 1024 * 1024, ErrorMessage = "Ingest:MaxManageBodyBytes must be between 1 KiB and 16 MiB.")]
    public long MaxManageBodyBytes { get; set; } = 32 * 1024;

    /// <summary>Events older than this are refused one by one: they cannot change a verdict any more.</summary>
    [SettingRange(60, 7 * 24 * 3600, ErrorMessage = "Ingest:MaxEventAgeSeconds must be between 60 and 604800.")]
    public int MaxEventAgeSeconds { get; set; } = 600;

    /// <summary>How often accepted telemetry goes to the grains: one call per customer per flush.</summary>
    [SettingRange(10, 5000, ErrorMessage = "Ingest:FlushIntervalMs must be between 10 and 5000.")]
    public int FlushIntervalMs { get; set; } = 200;

    /// <summary>Accepted events waiting for a flush beyond which new batches get 503 with Retry-After.</summary>
    [SettingRange(1000, 100_000_000, ErrorMessage = "Ingest:MaxPendingEvents must be between 1000 and 100000000.")]
    public long MaxPendingEvents { get; set; } = 5_000_000;

    /// <summary>Ingest requests processed at once; more wait in a queue of <see cref="QueueLimit"/>, the rest get 429.</summary>
    [SettingRange(1, 1024, ErrorMessage = "Ingest:MaxConcurrentRequests must be between 1 and 1024.")]
    public int MaxConcurrentRequests { get; set; } = 8;

    [SettingRange(0, 10_000, ErrorMessage = "Ingest:QueueLimit must be between 0 and 10000.")]
    public int QueueLimit { get; set; } = 64;

    /// <summary>
    /// How long a flush waits for one customer's grain call before putting it back for the next flush (a silo that
    /// died must not hold the pipeline up). The call carries a sequence, so one that lands after all is not counted twice.
    /// </summary>
    [SettingRange(100, 120_000, ErrorMessage = "Ingest:GrainCallTimeoutMs must be between 100 and 120000.")]
    public int GrainCallTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// Most customers the fleet holds. Telemetry or feedback that would create a customer past it is refused event by
    /// event with a reason naming this setting; customers that exist keep sending.
    /// </summary>
    [SettingRange(1, 10_000_000, ErrorMessage = "Ingest:MaxCustomers must be between 1 and 10000000.")]
    public int MaxCustomers { get; set; } = 250_000;

    /// <summary>Most touchpoints (defined or seen); events naming a new one past it are refused, so span names cannot mint them without end.</summary>
    [SettingRange(1, 100_000, ErrorMessage = "Ingest:MaxTouchpoints must be between 1 and 100000.")]
    public int MaxTouchpoints { get; set; } = 1_000;

    /// <summary><c>Accept</c>: telemetry or feedback for an unknown customer creates it (up to <see cref="MaxCustomers"/>); <c>Reject</c>: only customers created with PUT /api/v1/customers/{id} are taken.</summary>
    [RegularExpression("^(Accept|Reject)$", ErrorMessage = "Ingest:UnknownCustomers must be Accept or Reject.")]
    public string UnknownCustomers { get; set; } = "Accept";

    public bool RejectsUnknownCustomers => UnknownCustomers == "Reject";

    /// <summary>
    /// How long an ingest request may take, body included, before it is answered 408 and its permit freed: a stalled
    /// sender cannot hold one of <see cref="MaxConcurrentRequests"/>.
    /// </summary>
    [SettingRange(1, 600, ErrorMessage = "Ingest:RequestTimeoutSeconds must be between 1 and 600.")]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Slowest body a sender may trickle (bytes per second, after a 5 s grace); slower connections are closed (Kestrel's MinRequestBodyDataRate).</summary>
    [SettingRange(1, 100_000_000, ErrorMessage = "Ingest:MinBodyBytesPerSecond must be between 1 and 100000000.")]
    public int MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Grain calls in flight at once during a flush.</summary>
    [SettingRange(1, 100_000, ErrorMessage = "Ingest:MaxConcurrentGrainCalls must be between 1 and 100000.")]
    public int MaxConcurrentGrainCalls { get; set; } = 512;
}
