using CxLive.Grains.Abstractions;
using CxLive.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxLive.Grains.Tests.Storage;

/// <summary>The embedded store's single writer lane: one bad write never stops the others, and no write hangs.</summary>
public sealed class WriterLaneTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cxlive-lane-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _database;

    [Fact]
    public async Task A_write_that_throws_anything_fails_its_batch_and_the_lane_goes_on()
    {
        var database = await OpenAsync(new SqliteStorageOptions());

        var broken = await Assert.ThrowsAsync<StorageFailedException>(() => database.WriteAsync(new Throwing(new InvalidOperationException("a bug in one write"))));
        Assert.DoesNotContain("a bug in one write", broken.Message, StringComparison.Ordinal); // no internals leave

        var next = new Recording();
        await database.WriteAsync(next);
        Assert.True(next.Applied);
        Assert.Equal(1, await CountAsync(database)); // the lane committed the next write, and only it
    }

    [Fact]
    public async Task A_write_waiting_past_the_timeout_fails_as_unavailable_and_is_never_applied()
    {
        var database = await OpenAsync(new SqliteStorageOptions { WriteTimeoutSeconds = 1 });
        using var release = new ManualResetEventSlim();
        var holding = new Blocking(release);
        var first = database.WriteAsync(holding);
        await holding.Started.Task; // the lane is inside the first write now
        var late = new Recording();

        var failure = await Assert.ThrowsAsync<StorageFailedException>(() => database.WriteAsync(late));
        release.Set();
        await first;
        await database.WriteAsync(new Recording());

        Assert.Contains("Storage:WriteTimeoutSeconds", failure.Message, StringComparison.Ordinal);
        Assert.False(late.Applied);
        Assert.Equal(1, await CountAsync(database)); // the one written after; the abandoned one never ran
    }

    private async Task<SqliteDatabase> OpenAsync(SqliteStorageOptions options)
    {
        Directory.CreateDirectory(_directory);
        _database = new SqliteDatabase(options, Path.Combine(_directory, "lane.db"), NullLogger<SqliteDatabase>.Instance);
        await _database.StartAsync(CancellationToken.None);
        await _database.WriteAsync(new Schema());
        return _database;
    }

    private static async Task<long> CountAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenReaderAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lane_test";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class Schema : LaneWork
    {
        public override Exception? Apply(LaneContext lane)
        {
            lane.Command("CREATE TABLE IF NOT EXISTS lane_test (id INTEGER PRIMARY KEY)").ExecuteNonQuery();
            return null;
        }
    }

    private sealed class Recording : LaneWork
    {
        public bool Applied { get; private set; }

        public override Exception? Apply(LaneContext lane)
        {
            lane.Command("INSERT INTO lane_test DEFAULT VALUES").ExecuteNonQuery();
            Applied = true;
            return null;
        }
    }

    private sealed class Throwing(Exception exception) : LaneWork
    {
        public override Exception? Apply(LaneContext lane)
        {
            lane.Command("INSERT INTO lane_test DEFAULT VALUES").ExecuteNonQuery(); // rolled back with the batch
            throw exception;
        }
    }

    private sealed class Blocking(ManualResetEventSlim release) : LaneWork
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Exception? Apply(LaneContext lane)
        {
            Started.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(30));
            return null;
        }
    }
}
