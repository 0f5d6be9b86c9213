using Microsoft.Data.Sqlite;

namespace CxLive.Silo.Storage;

/// <summary>
/// A unit of work for <see cref="SqliteDatabase"/>'s single writer lane, applied inside the lane's transaction with
/// whatever else is queued. <see cref="Apply"/> returns this item's own failure (an ETag mismatch, say), which fails
/// this item only; any exception thrown (a <see cref="SqliteException"/> or any other) fails the whole batch and
/// leaves the lane running. The outcome is released after the commit.
/// </summary>
internal abstract class LaneWork
{
    private int _taken;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The lane takes the work: false when its caller gave up waiting first (then it is never applied).</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _taken, 1, 0) == 0;

    /// <summary>The caller gives up: true when the lane had not taken the work yet, so it never will.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _taken, -1, 0) == 0;

    public abstract Exception? Apply(LaneContext lane);
}

/// <summary>The lane's connection, transaction and prepared statements, for the work items of one batch.</summary>
internal sealed class LaneContext(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private WriterStatements? _grainStatements;

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The grain-state statements (the hot path: prepared parameters, no per-run allocation).</summary>
    public WriterStatements GrainStatements
    {
        get
        {
            if (_grainStatements is null)
            {
                _grainStatements = new WriterStatements(Connection);
                if (_transaction is not null)
                {
                    _grainStatements.Enlist(_transaction);
                }
            }

            return _grainStatements;
        }
    }

    /// <summary>The commit time of this batch (ISO 8601).</summary>
    public string Now { get; private set; } = "";

    /// <summary>
    /// Index counter changes of this batch, summed per counter and applied once each just before the commit: a batch
    /// of hundreds of row writes touches the same few counters, so this saves most of their statements.
    /// </summary>
    public Dictionary<(string Index, string Name), double> CounterDeltas { get; } = [];

    /// <summary>Applies <see cref="CounterDeltas"/> inside the batch's transaction.</summary>
    public void ApplyCounterDeltas()
    {
        foreach (var ((index, name), delta) in CounterDeltas)
        {
            if (delta == 0)
            {
                continue;
            }

            var command = Command("""
                INSERT INTO ix_counter (ix, name, value) VALUES ($ix, $name, $delta)
                ON CONFLICT (ix, name) DO UPDATE SET value = value + excluded.value
                """);
            command.Parameters.AddWithValue("$ix", index);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$delta", delta);
            command.ExecuteNonQuery();
        }

        CounterDeltas.Clear();
    }

    public void Begin(SqliteTransaction transaction, string now)
    {
        CounterDeltas.Clear();
        _transaction = transaction;
        Now = now;
        foreach (var command in _commands.Values)
        {
            command.Transaction = transaction;
        }

        _grainStatements?.Enlist(transaction);
    }

    /// <summary>A statement prepared once per lane and reused; parameters are set by name before each run.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        _grainStatements?.Dispose();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }
}
