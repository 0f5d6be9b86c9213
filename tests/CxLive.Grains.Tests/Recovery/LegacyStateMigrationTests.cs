using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CxLive.Grains.Tests.Recovery;

/// <summary>State an earlier build kept in its fleet-sized grains reaches the fleet index, once, and nothing of it is lost.</summary>
public sealed class LegacyStateMigrationTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IServiceProvider Silo => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;

    [Fact]
    public async Task The_old_directory_and_alert_index_move_into_the_index_and_are_cleared()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var manager = "am-" + suffix;
        var summaries = Enumerable.Range(0, 30).Select(i => new CustomerSummary
        {
            CustomerId = $"old-{suffix}-{i}",
            Name = $"Old {i}",
            AccountManager = manager,
            AnnualRevenue = 1000 * (i + 1),
            Quadrant = i % 2 == 0 ? "model" : "dangling",
        }).ToList();
        var alert = new AlertSummary
        {
            Id = $"old-{suffix}-0:at-risk:1",
            CustomerId = $"old-{suffix}-0",
            Reason = "at-risk",
            Severity = "warning",
            State = "open",
            AccountManager = manager,
            OpenedAt = fixture.Clock.GetUtcNow(),
            Title = "At risk",
        };
        await storage.WriteStateAsync("directory", LegacyStateMigration.DirectoryGrain, new Box<LegacyDirectoryState>(new() { Customers = summaries }));
        await storage.WriteStateAsync("alert-index", LegacyStateMigration.AlertIndexGrain, new Box<LegacyAlertIndexState>(new() { Alerts = { [alert.Id] = alert } }));

        var migration = Silo.GetServices<ILifecycleParticipant<ISiloLifecycle>>().OfType<LegacyStateMigration>().Single();
        await migration.MigrateAsync(CancellationToken.None);
        await migration.MigrateAsync(CancellationToken.None); // a second start finds nothing left to move

        var listed = await fixture.Cluster.GrainFactory.CustomerDirectory().Query(new CustomerQuery { AccountManager = manager, Sort = "revenue", Limit = 100 });
        Assert.Equal(30, listed.Total);
        Assert.Equal(summaries.Select(s => s.CustomerId), listed.Items.Select(s => s.CustomerId));
        var models = await fixture.Cluster.GrainFactory.CustomerDirectory().Query(new CustomerQuery { AccountManager = manager, Quadrant = "model" });
        Assert.Equal(15, models.Total);
        var alerts = await fixture.Cluster.GrainFactory.AlertIndex().Query(new AlertQuery { AccountManager = manager });
        Assert.Equal([alert.Id], alerts.Select(a => a.Id));

        var left = new Box<LegacyDirectoryState>(new());
        await storage.ReadStateAsync("directory", LegacyStateMigration.DirectoryGrain, left);
        Assert.False(left.RecordExists);
    }

    private sealed class Box<T>(T state) : IGrainState<T>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = state;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
