using CxLive.Grains.Index;
using CxLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;

namespace CxLive.Grains.Tests.Index;

/// <summary>The fleet index contract on the embedded store: a real SQLite file in a temp folder.</summary>
public sealed class SqliteFleetIndexTests : FleetIndexContract, IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cxlive-index-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _database;
    private IFleetIndex? _index;

    protected override IFleetIndex Index => _index!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(new SqliteStorageOptions(), Path.Combine(_directory, "index.db"), NullLogger<SqliteDatabase>.Instance);
        await _database.StartAsync(CancellationToken.None);
        _index = new SqliteFleetIndex(_database, _services.GetRequiredService<Serializer<IndexRow>>());
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
