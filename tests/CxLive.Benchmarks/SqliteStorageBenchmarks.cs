using BenchmarkDotNet.Attributes;
using CxLive.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace CxLive.Benchmarks;

/// <summary>
/// Grain state writes through the embedded SQLite storage's single writer lane: <see cref="Writers"/> grains writing
/// concurrently, group-committed. Divide Writers by the mean for writes/s.
/// </summary>
[MemoryDiagnoser]
public class SqliteStorageBenchmarks
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private string _directory = "";
    private SqliteDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;
    private GrainId[] _ids = [];
    private Box[] _states = [];

    [Params(1, 64, 512)]
    public int Writers { get; set; }

    [Params(true, false)]
    public bool SyncEveryCommit { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "cxlive-bench-" + Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(new SqliteStorageOptions { SyncEveryCommit = SyncEveryCommit }, Path.Combine(_directory, "bench.db"), NullLogger<SqliteDatabase>.Instance);
        await _database.StartAsync(CancellationToken.None);
        _storage = new SqliteGrainStorage(_database, new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()), NullLogger<SqliteGrainStorage>.Instance);
        _ids = [.. Enumerable.Range(0, Writers).Select(i => GrainId.Create("customer", $"c{i}"))];
        _states = [.. Enumerable.Range(0, Writers).Select(_ => new Box())];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await _services.DisposeAsync();
    }

    [Benchmark]
    public Task Write() => Task.WhenAll(_ids.Select((id, i) => _storage.WriteStateAsync("bench", id, _states[i])));

    public sealed class Box : IGrainState<byte[]>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public byte[] State { get; set; } = new byte[400];

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
