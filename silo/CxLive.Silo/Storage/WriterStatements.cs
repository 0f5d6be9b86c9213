using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

/// <summary>The writer lane's prepared statements, and the ETag rules they enforce.</summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _currentVersion;

    public WriterStatements(SqliteConnection connection)
    {
        _insert = Prepare(connection, """
            INSERT INTO grain_state (grain_id, state_name, grain_type, version, payload, updated_at)
            VALUES ($id, $state, $type, 1, $payload, $now)
            ON CONFLICT (grain_id, state_name) DO NOTHING
            """, "$id", "$state", "$type", "$payload", "$now");
        _update = Prepare(connection, """
            UPDATE grain_state SET version = version + 1, payload = $payload, updated_at = $now
            WHERE grain_id = $id AND state_name = $state AND version = $expected
            """, "$id", "$state", "$payload", "$now", "$expected");
        _delete = Prepare(connection, """
            DELETE FROM grain_state WHERE grain_id = $id AND state_name = $state AND version = $expected
            """, "$id", "$state", "$expected");
        _currentVersion = Prepare(connection, """
            SELECT version FROM grain_state WHERE grain_id = $id AND state_name = $state
            """, "$id", "$state");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _update.Transaction = transaction;
        _delete.Transaction = transaction;
        _currentVersion.Transaction = transaction;
    }

    /// <summary>Applies one write; an ETag mismatch is that write's error, not the batch's.</summary>
    public (long Version, Exception? Error) Apply(PendingWrite write, string now)
    {
        var id = write.GrainId.ToString();
        if (write.Payload is null)
        {
            if (write.ExpectedVersion is not { } expectedForDelete)
            {
                // Clearing what was never written: nothing to do.
                return (0, null);
            }

            return Run(_delete, id, write.StateName, now, null, expectedForDelete) == 1
                ? (0, null)
                : (0, Mismatch(write, id));
        }

        if (write.ExpectedVersion is { } expected)
        {
            return Run(_update, id, write.StateName, now, write.Payload, expected) == 1
                ? (expected + 1, null)
                : (0, Mismatch(write, id));
        }

        _insert.Parameters["$type"].Value = write.GrainId.Type.ToString();
        return Run(_insert, id, write.StateName, now, write.Payload, null) == 1
            ? (1, null)
            : (0, Mismatch(write, id));
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _delete.Dispose();
        _currentVersion.Dispose();
    }

    private static int Run(SqliteCommand command, string id, string state, string now, byte[]? payload, long? expected)
    {
        command.Parameters["$id"].Value = id;
        command.Parameters["$state"].Value = state;
        if (command.Parameters.Contains("$now"))
        {
            command.Parameters["$now"].Value = now;
        }

        if (payload is not null)
        {
            command.Parameters["$payload"].Value = payload;
        }

        if (expected is { } version)
        {
            command.Parameters["$expected"].Value = version;
        }

        return command.ExecuteNonQuery();
    }

    private InconsistentStateException Mismatch(PendingWrite write, string id)
    {
        _currentVersion.Parameters["$id"].Value = id;
        _currentVersion.Parameters["$state"].Value = write.StateName;
        var stored = _currentVersion.ExecuteScalar() is long v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
        var expected = write.ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
        return new InconsistentStateException(
            $"ETag mismatch writing '{write.StateName}' of {id}: expected {expected}, stored {stored}.", stored, expected);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
