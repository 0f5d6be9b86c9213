using CxLive.Grains.Abstractions.Access;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Health;

namespace CxLive.Grains.Abstractions;

/// <summary>
/// The grains of which a cluster has one, by name: their key lives here only. Each is small and fleet-independent
/// (a registry, a counter-reading view, a stateless reader of the fleet index); per-customer and per-touchpoint grains
/// are keyed by their ids, per-silo ones by the silo's key.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of every grain of which the cluster has exactly one.</summary>
    public const long One = 0;

    public static IOverviewGrain Overview(this IGrainFactory grains) => grains.GetGrain<IOverviewGrain>(One);

    public static ICustomerDirectoryGrain CustomerDirectory(this IGrainFactory grains) => grains.GetGrain<ICustomerDirectoryGrain>(One);

    public static IAlertIndexGrain AlertIndex(this IGrainFactory grains) => grains.GetGrain<IAlertIndexGrain>(One);

    public static ISilenceRegistryGrain SilenceRegistry(this IGrainFactory grains) => grains.GetGrain<ISilenceRegistryGrain>(One);

    public static IWebhookDirectoryGrain WebhookDirectory(this IGrainFactory grains) => grains.GetGrain<IWebhookDirectoryGrain>(One);

    public static IApiKeyRegistryGrain ApiKeyRegistry(this IGrainFactory grains) => grains.GetGrain<IApiKeyRegistryGrain>(One);

    public static IPingGrain PingGrain(this IGrainFactory grains) => grains.GetGrain<IPingGrain>(One);
}
