using CxLive.Domain;

namespace CxLive.Grains.Abstractions;

/// <summary>
/// How often the live parts move (section <c>Cadence</c>): the push path from a verdict to a dashboard, the fleet
/// views' refreshes, the api's subscriptions. The telemetry flush is <c>Ingest:FlushIntervalMs</c>. Shorter is
/// fresher and costs more calls; the defaults keep the push lag well under a second.
/// </summary>
public sealed class CadenceOptions
{
    public const string SectionName = "Cadence";

    /// <summary>How often a silo's live feed sends what changed to the api processes subscribed.</summary>
    [SettingRange(10, 5000, ErrorMessage = "Cadence:FeedFlushMs must be between 10 and 5000.")]
    public int FeedFlushMs { get; set; } = 50;

    /// <summary>How often a touchpoint with changes publishes its document and reports to the overview.</summary>
    [SettingRange(50, 10_000, ErrorMessage = "Cadence:TouchpointPublishMs must be between 50 and 10000.")]
    public int TouchpointPublishMs { get; set; } = 250;

    /// <summary>How often the overview reads the fleet counters and publishes when they moved.</summary>
    [SettingRange(50, 10_000, ErrorMessage = "Cadence:OverviewPublishMs must be between 50 and 10000.")]
    public int OverviewPublishMs { get; set; } = 250;

    /// <summary>How often a silo reads the fleet's median revenue (the quadrants' line) from the customer directory's index.</summary>
    [SettingRange(1, 3600, ErrorMessage = "Cadence:DirectoryRefreshSeconds must be between 1 and 3600.")]
    public int DirectoryRefreshSeconds { get; set; } = 5;

    /// <summary>How often a silo sweeps the index for grains whose silo is gone, beside the membership's own notice.</summary>
    [SettingRange(1, 3600, ErrorMessage = "Cadence:RecoverySweepSeconds must be between 1 and 3600.")]
    public int RecoverySweepSeconds { get; set; } = 30;

    /// <summary>How often an api process's bridge checks its subscriptions to the silos' live feeds.</summary>
    [SettingRange(50, 10_000, ErrorMessage = "Cadence:BridgeTickMs must be between 50 and 10000.")]
    public int BridgeTickMs { get; set; } = 250;

    /// <summary>How often the bridge lists the silos, so a silo that joined is subscribed within this.</summary>
    [SettingRange(1, 600, ErrorMessage = "Cadence:BridgeHostsSeconds must be between 1 and 600.")]
    public int BridgeHostsSeconds { get; set; } = 2;

    /// <summary>How often the bridge renews each subscription (a feed forgets observers not renewed within a minute).</summary>
    [SettingRange(1, 50, ErrorMessage = "Cadence:BridgeRenewSeconds must be between 1 and 50.")]
    public int BridgeRenewSeconds { get; set; } = 15;

    public TimeSpan FeedFlush => TimeSpan.FromMilliseconds(FeedFlushMs);

    public TimeSpan TouchpointPublish => TimeSpan.FromMilliseconds(TouchpointPublishMs);

    public TimeSpan OverviewPublish => TimeSpan.FromMilliseconds(OverviewPublishMs);

    public TimeSpan DirectoryRefresh => TimeSpan.FromSeconds(DirectoryRefreshSeconds);

    public TimeSpan RecoverySweep => TimeSpan.FromSeconds(RecoverySweepSeconds);

    public TimeSpan BridgeTick => TimeSpan.FromMilliseconds(BridgeTickMs);

    public TimeSpan BridgeHosts => TimeSpan.FromSeconds(BridgeHostsSeconds);

    public TimeSpan BridgeRenew => TimeSpan.FromSeconds(BridgeRenewSeconds);
}
