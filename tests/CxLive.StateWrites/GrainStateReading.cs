using Microsoft.Data.Sqlite;

namespace CxLive.StateWrites;

/// <summary>One reading of grain_state: per grain and state name, its version (writes so far), type and payload size.</summary>
internal sealed class GrainStateReading
{
    private GrainStateReading(Dictionary<string, (long Version, string Type, long Bytes)> rows) => Rows = rows;

    public IReadOnlyDictionary<string, (long Version, string Type, long Bytes)> Rows { get; }

    public static async Task<GrainStateReading> ReadAsync(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, state_name, grain_type, version, length(payload) FROM grain_state";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (long, string, long)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[$"{reader.GetString(0)} / {reader.GetString(1)}"] = (reader.GetInt64(3), reader.GetString(2), reader.GetInt64(4));
        }

        return new GrainStateReading(rows);
    }
}
