using CxLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace CxLive.Grains.Tests.Storage;

/// <summary>A SQLite file in a fresh temp folder, and storages opened over it.</summary>
internal sealed class StorageFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly Dictionary<SqliteGrainStorage, SqliteDatabase> _open = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cxlive-storage-" + Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Directory, "test.db");

    public async Task<SqliteGrainStorage> OpenAsync(SqliteStorageOptions? options = null)
    {
        var database = new SqliteDatabase(options ?? new SqliteStorageOptions(), FilePath, NullLogger<SqliteDatabase>.Instance);
        await database.StartAsync(CancellationToken.None);
        var storage = new SqliteGrainStorage(
            database,
            new TolerantStateSerializer(new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()), NullLogger<TolerantStateSerializer>.Instance),
            NullLogger<SqliteGrainStorage>.Instance);
        _open.Add(storage, database);
        return storage;
    }

    /// <summary>Closes the file under <paramref name="storage"/> (its writer lane finishes what it has first).</summary>
    public async Task CloseAsync(SqliteGrainStorage storage)
    {
        await _open[storage].DisposeAsync();
        _open.Remove(storage);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _open.Values)
        {
            await database.DisposeAsync();
        }

        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
