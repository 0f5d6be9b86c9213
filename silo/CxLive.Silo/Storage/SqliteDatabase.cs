using System.Threading.Channels;
using CxLive.Grains.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Storage;

/// <summary>
/// The embedded store: one SQLite file for grain state and the fleet index.
/// <list type="bullet">
/// <item>WAL journal: readers never wait for the writer.</item>
/// <item>One writer lane: every write goes through a single connection, and the lane commits whatever is queued in one
/// transaction (group commit). Concurrent SQLite writers collapse to a few hundred writes/s; one lane holds thousands
/// (ORLEANS-NOTES.md).</item>
/// <item>A write completes only after its transaction committed, so an acknowledged write survives a crash.</item>
/// </list>
/// Started and stopped with the silo (after the grains' deactivation has written what it had to).
/// </summary>
internal sealed partial class SqliteDatabase : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly Channel<LaneWork> _writes;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private Task? _writerLoop;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, IHostEnvironment? environment, ILogger<SqliteDatabase> logger)
        : this(options.Value, options.Value.ResolveFilePath(environment?.ContentRootPath ?? AppContext.BaseDirectory), logger)
    {
    }

    public SqliteDatabase(SqliteStorageOptions options, string filePath, ILogger<SqliteDatabase> logger)
    {
        _options = options;
        FilePath = filePath;
        _logger = logger;
        _writes = Channel.CreateBounded<LaneWork>(new BoundedChannelOptions(options.WriteQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string FilePath { get; }

    /// <summary>For readers: a pooled connection to the same file (WAL lets them read while the lane writes).</summary>
    public string ConnectionString { get; private set; } = "";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteDatabase), ServiceLifecycleStage.RuntimeStorageServices, StartAsync, StopAsync);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_writerLoop is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            ConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();

            var writer = new SqliteConnection(ConnectionString);
            await writer.OpenAsync(cancellationToken);
            await using (var command = writer.CreateCommand())
            {
                command.CommandText = $"""
                    PRAGMA journal_mode=WAL;
                    PRAGMA synchronous={(_options.SyncEveryCommit ? "FULL" : "NORMAL")};
                    PRAGMA busy_timeout=30000;
                    {SqliteSchema.Tables}
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            _writerLoop = Task.Run(() => RunWriterLaneAsync(writer), CancellationToken.None);
            LogStarted(_logger, FilePath);
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

    /// <summary>Queues <paramref name="work"/> for the lane and waits for its commit (or its own failure).</summary>
    public async Task WriteAsync(LaneWork work)
    {
        if (_writerLoop is null)
        {
            throw new StorageFailedException("The embedded database is not started.");
        }

        using var timeout = new CancellationTokenSource(_options.WriteTimeout);
        try
        {
            await _writes.Writer.WriteAsync(work, timeout.Token);
            await work.Completion.Task.WaitAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            throw new StorageFailedException("The embedded database is stopping; the write was not accepted.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            if (!work.TryAbandon())
            {
                // The lane holds it already: its outcome is the truth, however late.
                await work.Completion.Task;
                return;
            }

            LogWriteTimedOut(_logger, _options.WriteTimeoutSeconds);
            throw new StorageFailedException($"The embedded database did not take the write within Storage:WriteTimeoutSeconds ({_options.WriteTimeoutSeconds} s).");
        }
    }

    /// <summary>A reader connection, opened.</summary>
    public async Task<SqliteConnection> OpenReaderAsync()
    {
        if (_writerLoop is null)
        {
            throw new StorageFailedException("The embedded database is not started.");
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task RunWriterLaneAsync(SqliteConnection connection)
    {
        await using var _ = connection;
        using var lane = new LaneContext(connection);
        var batch = new List<LaneWork>(_options.MaxWritesPerCommit);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxWritesPerCommit && _writes.Reader.TryRead(out var next))
            {
                if (next.TryTake())
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                CommitBatch(connection, lane, batch);
            }
        }
    }

    /// <summary>Applies a batch in one transaction; each item's outcome is released only after the commit.</summary>
    private void CommitBatch(SqliteConnection connection, LaneContext lane, List<LaneWork> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            lane.Begin(transaction, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = batch[i].Apply(lane);
            }

            lane.ApplyCounterDeltas();
            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Any failure (SQLite's, or a bug in one item's statements) fails this batch only: the transaction rolled
            // back, every caller of the batch hears it, and the lane goes on with the next.
            LogBatchFailed(_logger, ex, batch.Count);
            var failure = new StorageFailedException(ex is SqliteException sqlite ? $"Writing to SQLite failed: {sqlite.Message}" : "Writing to SQLite failed; the batch was rolled back.");
            foreach (var work in batch)
            {
                work.Completion.TrySetException(failure);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded storage uses SQLite at {Path}")]
    private static partial void LogStarted(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write waited longer than Storage:WriteTimeoutSeconds ({Seconds} s) for the embedded database and was given up")]
    private static partial void LogWriteTimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite failed to commit a batch of {Count} writes")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
