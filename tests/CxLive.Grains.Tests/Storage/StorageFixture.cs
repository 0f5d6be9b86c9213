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
    private readonly List<SqliteGrainStorage> _open = [];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cxlive-storage-" + Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Directory, "test.db");

    public async Task<SqliteGrainStorage> OpenAsync(SqliteStorageOptions? options = null)
    {
        var storage = new SqliteGrainStorage(
            "test",
            FilePath,
            options ?? new SqliteStorageOptions(),
            new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
            NullLogger<SqliteGrainStorage>.Instance);
        await storage.StartAsync(CancellationToken.None);
        _open.Add(storage);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var storage in _open)
        {
            await storage.DisposeAsync();
        }

        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
