using System.Net;
using CxLive.Grains;
using CxLive.Hosting;
using CxLive.Silo.Storage;
using Orleans.Configuration;

namespace CxLive.Silo.Hosting;

public static class CxLiveSiloExtensions
{
    /// <summary>
    /// Everything a CxLive silo needs, whichever process hosts it: membership (<c>Cluster:Membership</c>), durable
    /// storage (<c>Storage:Provider</c>), reminders, tracing and the grains' services. Used by the standalone silo host
    /// and by the api in embedded mode; only configuration differs between one box and a cluster.
    /// </summary>
    public static ISiloBuilder AddCxLiveSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var (cluster, storage) = ReadAndValidate(configuration);
        silo.AddCxLiveMembership(cluster);
        silo.AddCxLiveStorage(cluster, storage);
        silo.AddActivityPropagation();
        silo.Services.AddCxLiveTelemetry();
        silo.Services.AddCxLiveFleet();
        silo.Services.AddCxLiveWebhooks();
        silo.AddCxLiveAlerts();
        return silo;
    }

    /// <summary>How this silo joins the cluster, where it listens, and how fast it gives up on a silo that stopped answering.</summary>
    public static ISiloBuilder AddCxLiveMembership(this ISiloBuilder silo, CxLiveClusterOptions cluster)
    {
        silo.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = cluster.IdleGrainAge);
        if (cluster.UsesRedis)
        {
            silo.Services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
            silo.Services.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = cluster.SiloPort;
                o.GatewayPort = cluster.GatewayPort;
                if (!cluster.KubernetesHosting || cluster.AdvertisedAddress is { Length: > 0 })
                {
                    o.AdvertisedIPAddress = cluster.Advertised();
                    o.SiloListeningEndpoint = new IPEndPoint(cluster.Listening(), cluster.SiloPort);
                    o.GatewayListeningEndpoint = new IPEndPoint(cluster.Listening(), cluster.GatewayPort);
                }
            });
            silo.UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(cluster.Redis!));
            silo.Services.AddOptions<Orleans.Clustering.Redis.RedisClusteringOptions>()
                .Configure<RedisConnections>((o, redis) => o.CreateMultiplexer = async options => (await redis.ConnectAsync(options.ConfigurationOptions!), true));
            if (cluster.KubernetesHosting)
            {
                silo.UseKubernetesHosting();
            }
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        silo.Services.TryAddRedisConnections();
        silo.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            o.TableRefreshTimeout = cluster.TableRefreshTimeout;
            o.IAmAliveTablePublishTimeout = cluster.IAmAlivePublishTimeout;
        });
        silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout);
        return silo;
    }

    /// <summary>Grain state, reminders and the fleet index: one SQLite file, or the cluster's Redis.</summary>
    public static ISiloBuilder AddCxLiveStorage(this ISiloBuilder silo, CxLiveClusterOptions cluster, CxLiveStorageOptions storage)
    {
        silo.Services.TryAddRedisConnections();
        if (storage.UsesRedis)
        {
            silo.AddCxLiveRedisStorage(StorageNames.Default, storage.RedisConnection(cluster)!);
            silo.UseRedisReminderService(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(storage.RedisConnection(cluster)!));
            silo.Services.AddOptions<RedisReminderTableOptions>()
                .Configure<RedisConnections>((o, redis) => o.CreateMultiplexer = async options => (await redis.ConnectAsync(options.ConfigurationOptions!), true));
        }
        else
        {
            silo.AddCxLiveSqliteStorage(StorageNames.Default);
            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>Reads sections <c>Cluster</c> and <c>Storage</c>, failing start-up with messages that name the setting to fix.</summary>
    public static (CxLiveClusterOptions Cluster, CxLiveStorageOptions Storage) ReadAndValidate(IConfiguration configuration)
    {
        var cluster = configuration.GetSection(CxLiveClusterOptions.SectionName).Get<CxLiveClusterOptions>() ?? new();
        var storage = configuration.GetSection(CxLiveStorageOptions.SectionName).Get<CxLiveStorageOptions>() ?? new();
        CxLiveOptions.ThrowIfInvalid<CxLiveClusterOptions, CxLiveClusterOptionsValidator>(cluster, CxLiveClusterOptions.SectionName);
        CxLiveOptions.ThrowIfInvalid<CxLiveStorageOptions, StorageOptionsValidator>(storage, CxLiveStorageOptions.SectionName, storage.Validate(cluster));
        return (cluster, storage);
    }

    private static void TryAddRedisConnections(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(RedisConnections)))
        {
            services.AddSingleton<RedisConnections>();
        }
    }
}
