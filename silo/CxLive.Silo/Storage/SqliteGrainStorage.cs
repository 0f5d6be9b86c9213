using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

/// <summary>
/// Embedded grain storage over one SQLite file.
/// <list type="bullet">
/// <item>WAL journal: readers never wait for the writer.</item>
/// <item>One writer lane: every write goes through a single connection, and the lane commits whatever is
/// queued in one transaction (group commit). Concurrent SQLite writers collapse to a few hundred writes/s;
/// one lane holds thousands (ORLEANS-NOTES.md).</item>
/// <item>ETags are row versions: a write whose ETag is not the stored one throws
/// <see cref="InconsistentStateException"/>.</item>
/// <item>A write completes only after its transaction committed, so an acknowledged write survives a crash.</item>
/// </list>
/// </summary>
internal sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string _name;
    private readonly string _filePath;
    private readonly SqliteStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly Channel<PendingWrite> _writes;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private string _connectionString = "";
    private Task? _writerLoop;

    public SqliteGrainStorage(string name, string filePath, SqliteStorageOptions options, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _filePath = filePath;
        _options = options;
        _serializer = serializer;
        _logger = logger;
        _writes = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.WriteQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_writerLoop is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = _filePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();

            var writer = new SqliteConnection(_connectionString);
            await writer.OpenAsync(cancellationToken);
            await ExecuteAsync(writer, $"""
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous={(_options.SyncEveryCommit ? "FULL" : "NORMAL")};
                PRAGMA busy_timeout=30000;
                CREATE TABLE IF NOT EXISTS grain_state (
                    grain_id   TEXT    NOT NULL,
                    state_name TEXT    NOT NULL,
                    grain_type TEXT    NOT NULL,
                    version    INTEGER NOT NULL,
                    payload    BLOB    NOT NULL,
                    updated_at TEXT    NOT NULL,
                    PRIMARY KEY (grain_id, state_name)
                ) WITHOUT ROWID;
                """, cancellationToken);
            _writerLoop = Task.Run(() => RunWriterLaneAsync(writer), CancellationToken.None);
            LogStarted(_logger, _name, _filePath);
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _writes.Writer.TryComplete();
        if (_writerLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _startLock.Dispose();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, payload FROM grain_state WHERE grain_id = $id AND state_name = $state";
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$state", stateName);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                var version = reader.GetInt64(0);
                var payload = (byte[])reader.GetValue(1);
                grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
                grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }
            else
            {
                grainState.State = Activator.CreateInstance<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }
        catch (SqliteException ex)
        {
            LogFailed(_logger, ex, "read", stateName, grainId);
            throw new StorageFailedException($"Reading '{stateName}' of {grainId} from SQLite failed: {ex.Message}");
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await EnqueueAsync(new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), payload));
        grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnqueueAsync(new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), Payload: null));
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> EnqueueAsync(PendingWrite write)
    {
        if (_writerLoop is null)
        {
            throw new StorageFailedException($"Grain storage '{_name}' is not started.");
        }

        try
        {
            await _writes.Writer.WriteAsync(write);
        }
        catch (ChannelClosedException)
        {
            throw new StorageFailedException($"Grain storage '{_name}' is stopping; the write was not accepted.");
        }

        return await write.Completion.Task;
    }

    private async Task RunWriterLaneAsync(SqliteConnection connection)
    {
        await using var _ = connection;
        var statements = new WriterStatements(connection);
        var batch = new List<PendingWrite>(_options.MaxWritesPerCommit);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxWritesPerCommit && _writes.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            CommitBatch(connection, statements, batch);
        }

        statements.Dispose();
    }

    /// <summary>Applies a batch in one transaction; each write's outcome is released only after the commit.</summary>
    private void CommitBatch(SqliteConnection connection, WriterStatements statements, List<PendingWrite> batch)
    {
        var outcomes = new (long Version, Exception? Error)[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            statements.Enlist(transaction);
            var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = statements.Apply(batch[i], now);
            }

            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            LogBatchFailed(_logger, ex, _name, batch.Count);
            var failure = new StorageFailedException($"Writing to SQLite failed: {ex.Message}");
            foreach (var write in batch)
            {
                write.Completion.TrySetException(failure);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i].Version);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage '{Name}' uses SQLite at {Path}")]
    private static partial void LogStarted(ILogger logger, string name, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite {Operation} of state '{StateName}' for {GrainId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string stateName, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite storage '{Name}' failed to commit a batch of {Count} writes")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string name, int count);
}
