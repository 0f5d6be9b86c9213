using CxLive.Grains.Abstractions;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

/// <summary>
/// Grain storage over the embedded <see cref="SqliteDatabase"/>. ETags are row versions: a write whose ETag is not
/// the stored one throws <see cref="InconsistentStateException"/>. Writes go through the database's single writer lane
/// (group commit) and complete only after their transaction committed, so an acknowledged write survives a crash.
/// </summary>
internal sealed partial class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
    : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await using var connection = await database.OpenReaderAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, payload FROM grain_state WHERE grain_id = $id AND state_name = $state";
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$state", stateName);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                var version = reader.GetInt64(0);
                var payload = (byte[])reader.GetValue(1);
                grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
                grainState.ETag = version.ToString(System.Globalization.CultureInfo.InvariantCulture); // the next write replaces the row
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
            LogFailed(logger, ex, "read", stateName, grainId);
            throw new StorageFailedException($"Reading '{stateName}' of {grainId} from SQLite failed: {ex.Message}");
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), serializer.Serialize(grainState.State).ToArray());
        await database.WriteAsync(write);
        grainState.ETag = write.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await database.WriteAsync(new PendingWrite(grainId, stateName, ParseETag(grainState.ETag), payload: null));
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite {Operation} of state '{StateName}' for {GrainId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string stateName, GrainId grainId);
}
