using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Grains.Alerts;
using CxLive.Hosting;
using CxLive.Silo.Hosting;
using CxLive.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CxLive.Grains.Tests;

/// <summary>
/// An in-process test cluster with CxLive's real SQLite storage in a temp folder and a fake grain clock; alert
/// notices go to <see cref="Alerts.RecordingAlertNotifier"/> unless a derived fixture hands them to the real webhook
/// outbox. Tests use fresh grain keys, so they never see each other's state. Derived fixtures add settings.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    // Silo configurators are created by type, so they reach the fixture's folder, clock and settings through statics
    // keyed by the cluster's service id.
    internal static readonly Dictionary<string, ClusterFixture> Environments = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cxlive-cluster-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Cluster = await StartAsync();

    /// <summary>Stops the cluster and starts a new one over the same files: what a restart of the process does.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        lock (Environments)
        {
            Environments[builder.Options.ServiceId] = this;
        }

        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(Settings()));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>True to record alert notices (<see cref="Alerts.RecordingAlertNotifier"/>), false for the real outbox.</summary>
    protected virtual bool RecordsNotices => true;

    /// <summary>Configuration the silos read (a derived fixture's own settings, such as webhook targets).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>Alert settings of a fixture's own: applied after configuration.</summary>
    protected virtual void ConfigureAlerts(AlertOptions options)
    {
    }

    protected virtual void ConfigureScoring(ScoringOptions options)
    {
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddCxLiveSqliteStorage(StorageNames.Default);
            siloBuilder.Services.AddCxLiveTelemetry();
            siloBuilder.Services.AddCxLiveWebhooks();
            siloBuilder.Services.AddSingleton<IAlertNotifier>(sp => Lookup(ServiceId(sp)).RecordsNotices
                ? new Alerts.RecordingAlertNotifier()
                : new OutboxAlertNotifier(sp.GetRequiredService<IGrainFactory>()));
            siloBuilder.AddCxLiveAlerts();
            siloBuilder.Services.AddSingleton<IConfigureOptions<AlertOptions>>(sp =>
                new ConfigureOptions<AlertOptions>(options => Lookup(ServiceId(sp)).ConfigureAlerts(options)));
            siloBuilder.Services.AddSingleton<IConfigureOptions<ScoringOptions>>(sp =>
                new ConfigureOptions<ScoringOptions>(options => Lookup(ServiceId(sp)).ConfigureScoring(options)));
            siloBuilder.Services.AddCxLiveFleet();
            siloBuilder.Services.AddSingleton<IConfigureOptions<SqliteStorageOptions>>(sp =>
                new ConfigureOptions<SqliteStorageOptions>(options => options.DataDirectory = Lookup(ServiceId(sp)).DataDirectory));
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (sp, _) => Lookup(ServiceId(sp)).Clock);
        }

        private static string ServiceId(IServiceProvider services) =>
            services.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId;

        private static ClusterFixture Lookup(string serviceId)
        {
            lock (Environments)
            {
                return Environments[serviceId];
            }
        }
    }
}
