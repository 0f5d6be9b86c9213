using CxLive.Api.Tests.Infrastructure;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Index;
using CxLive.Silo.Hosting;
using CxLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxLive.Grains.Tests.Index;

/// <summary>The fleet index contract on the cluster store: a real redis-server on a free port.</summary>
public sealed class RedisFleetIndexTests(RedisFixture redis) : FleetIndexContract, IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly RedisConnections _connections = new();
    private IFleetIndex? _index;

    protected override IFleetIndex Index => _index!;

    public Task InitializeAsync()
    {
        _index = new RedisFleetIndex(_connections, redis.Server.ConnectionString, "tests", _services.GetRequiredService<Serializer<IndexRow>>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _connections.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_write_acknowledged_before_Redis_is_killed_is_there_after_its_restart()
    {
        var index = "restart-" + Guid.NewGuid().ToString("N")[..8];
        await Index.Upsert(index, new IndexRow { Id = "a", Tags = ["t"], Counters = new Dictionary<string, double> { ["n"] = 1 } });
        await redis.Server.RestartHardAsync();

        var read = await Eventually.Until(
            async () => { try { return await Index.Read(index, "a"); } catch (StorageFailedException) { return null; } },
            row => row is not null, TimeSpan.FromSeconds(20), "the row is read back after Redis restarted");
        Assert.Equal(["t"], read!.Tags);
        Assert.Equal(1, (await Index.Counters(index))["n"]);
    }
}

/// <summary>One redis-server for the test class.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    internal RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
