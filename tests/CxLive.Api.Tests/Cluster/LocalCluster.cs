using System.Globalization;
using System.Net.Http.Headers;
using CxLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxLive.Api.Tests.Cluster;

/// <summary>
/// CxLive as a cluster on this machine, with real parts only: Debian's redis-server (AOF, fsync always), silo
/// processes and api processes in client mode, all on free 127.0.0.1 ports, with failure detection tuned short
/// (Cluster:ProbeTimeout 1 s, 2 missed probes). Everything is killed on dispose.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    public const string Key = "cluster-test-admin-key-0042";
    public const int CheckpointSeconds = 2;
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, string> _settings;
    private readonly List<CxLiveProcess> _processes = [];

    private LocalCluster(RedisServer redis, Uri webhooks)
    {
        Redis = redis;
        _settings = new Dictionary<string, string>
        {
            ["Cluster__ServiceId"] = "cluster-" + Guid.NewGuid().ToString("N")[..12],
            ["Cluster__Membership"] = "Redis",
            ["Cluster__Redis"] = redis.ConnectionString,
            ["Storage__Provider"] = "Redis",
            ["Cluster__ProbeTimeout"] = "00:00:01",
            ["Cluster__MissedProbesLimit"] = "2",
            ["Cluster__TableRefreshTimeout"] = "00:00:02",
            ["Cluster__IAmAlivePublishTimeout"] = "00:00:03",
            ["Cluster__ResponseTimeout"] = "00:00:05",
            ["Cluster__GatewayListRefreshPeriod"] = "00:00:01",
            ["Ingest__GrainCallTimeoutMs"] = "3000",
            ["Telemetry__CheckpointSeconds"] = CheckpointSeconds.ToString(CultureInfo.InvariantCulture),
            ["Auth__BootstrapKey"] = Key,
            ["RateLimits__ReadRequestsPerSecond"] = "1000000", // the tests check each write; a key's read rate is RateLimitTests'
            ["RateLimits__IngestRequestsPerSecond"] = "1000000",
            ["Scoring__RevenueThreshold"] = "100000",
            ["Alerts__DisruptedGrace"] = "00:00:01",
            ["Alerts__RevenueFloor"] = "50000",
            ["Alerts__UpdateInterval"] = "01:00:00",
            ["Webhooks__Targets__0__Name"] = "receiver",
            ["Webhooks__Targets__0__Url"] = webhooks.ToString(),
            ["Webhooks__Targets__0__Secret"] = "cluster-test-webhook-secret",
            ["Webhooks__MaxAttempts"] = "100",
            ["Webhooks__FirstRetryDelaySeconds"] = "0.5",
            ["Webhooks__MaxRetryDelaySeconds"] = "1",
            ["Logging__LogLevel__CxLive.Grains.Recovery"] = "Information",
        };
    }

    public RedisServer Redis { get; }

    public static async Task<LocalCluster> StartAsync(Uri webhooks) => new(await RedisServer.StartAsync(), webhooks);

    public CxLiveProcess StartSilo()
    {
        var silo = CxLiveProcess.StartSilo(new Dictionary<string, string>(_settings)
        {
            ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        _processes.Add(silo);
        return silo;
    }

    public CxLiveProcess StartApi()
    {
        var api = CxLiveProcess.StartApi(new Dictionary<string, string>(_settings) { ["Hosting__Mode"] = "Client" });
        _processes.Add(api);
        return api;
    }

    public static HttpClient Client(CxLiveProcess api)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    public static HubConnection Hub(CxLiveProcess api) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "/hubs/live"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(Key))
            .WithAutomaticReconnect()
            .Build();

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
