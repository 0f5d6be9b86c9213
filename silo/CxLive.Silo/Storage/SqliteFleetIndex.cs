using System.Globalization;
using System.Text;
using CxLive.Grains.Index;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;

namespace CxLive.Silo.Storage;

/// <summary>
/// The fleet index in the embedded database (tables <c>ix_*</c> of <see cref="SqliteSchema"/>). Writes go through the
/// database's writer lane: each reads the stored row, works out the <see cref="IndexChange"/> and applies it inside the
/// lane's transaction, so a row and its share of the counters always commit together. Reads use their own connections.
/// </summary>
internal sealed class SqliteFleetIndex(SqliteDatabase database, Serializer<IndexRow> serializer) : IFleetIndex
{
    public Task Upsert(string index, IndexRow row) => database.WriteAsync(new IndexWrite(index, row.Id, row, serializer));

    public Task Delete(string index, string id) => database.WriteAsync(new IndexWrite(index, id, null, serializer));

    public async Task<IndexRow?> Read(string index, string id)
    {
        await using var connection = await database.OpenReaderAsync();
        await using var command = Command(connection, "SELECT row FROM ix_row WHERE ix = $ix AND id = $id", ("$ix", index), ("$id", id));
        return await command.ExecuteScalarAsync() is byte[] blob ? serializer.Deserialize(blob) : null;
    }

    public async Task<IReadOnlyList<string>> Existing(string index, IReadOnlyList<string> ids)
    {
        const int Chunk = 500; // well under SQLite's limit of bound parameters
        var found = new List<string>();
        await using var connection = await database.OpenReaderAsync();
        for (var start = 0; start < ids.Count; start += Chunk)
        {
            var chunk = ids.Skip(start).Take(Chunk).ToList();
            var names = string.Join(", ", chunk.Select((_, i) => $"$i{i}"));
            await using var command = Command(connection, $"SELECT id FROM ix_row WHERE ix = $ix AND id IN ({names})",
                [("$ix", index), .. chunk.Select((id, i) => ($"$i{i}", (object)id))]);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    public async Task<IndexPage> Query(string index, IndexQuery query)
    {
        var filter = new StringBuilder();
        var parameters = new List<(string, object)> { ("$ix", index), ("$key", query.Sort) };
        for (var i = 0; i < query.Tags.Count; i++)
        {
            filter.Append(CultureInfo.InvariantCulture, $" AND s.id IN (SELECT id FROM ix_tag WHERE ix = $ix AND tag = $t{i})");
            parameters.Add(($"$t{i}", query.Tags[i]));
        }

        if (query.AnyTags.Count > 0)
        {
            var names = string.Join(", ", query.AnyTags.Select((_, i) => $"$a{i}"));
            filter.Append(CultureInfo.InvariantCulture, $" AND s.id IN (SELECT id FROM ix_tag WHERE ix = $ix AND tag IN ({names}))");
            parameters.AddRange(query.AnyTags.Select((tag, i) => ($"$a{i}", (object)tag)));
        }

        var direction = query.Descending ? "DESC" : "ASC";
        await using var connection = await database.OpenReaderAsync();
        await using var transaction = connection.BeginTransaction(deferred: true); // one snapshot for the page and its total
        var rows = new List<IndexRow>(Math.Min(query.Limit, 1000));
        await using (var page = Command(connection, $"""
            SELECT r.row FROM ix_sort s JOIN ix_row r ON r.ix = s.ix AND r.id = s.id
            WHERE s.ix = $ix AND s.key = $key{filter}
            ORDER BY s.num {direction}, s.id {direction}
            LIMIT $limit OFFSET $offset
            """, [.. parameters, ("$limit", query.Limit), ("$offset", query.Offset)]))
        {
            page.Transaction = transaction;
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(serializer.Deserialize((byte[])reader.GetValue(0))!);
            }
        }

        await using var count = Command(connection, $"SELECT count(*) FROM ix_sort s WHERE s.ix = $ix AND s.key = $key{filter}", [.. parameters]);
        count.Transaction = transaction;
        var total = (long)(await count.ExecuteScalarAsync())!;
        return new IndexPage(rows, total);
    }

    public Task<IReadOnlyDictionary<string, double>> Counters(string index, string group) => Counters(GroupIndex(index, group));

    /// <summary>Where a group's counters are kept: under an index name of their own (no index name holds a '|').</summary>
    private static string GroupIndex(string index, string group) => CounterGroups.Name(index, group);

    public async Task<IReadOnlyDictionary<string, double>> Counters(string index)
    {
        await using var connection = await database.OpenReaderAsync();
        await using var command = Command(connection, "SELECT name, value FROM ix_counter WHERE ix = $ix", ("$ix", index));
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counters[reader.GetString(0)] = reader.GetDouble(1);
        }

        return counters;
    }

    public async Task<long> Count(string index, string sort)
    {
        await using var connection = await database.OpenReaderAsync();
        await using var command = Command(connection, "SELECT count(*) FROM ix_sort WHERE ix = $ix AND key = $key", ("$ix", index), ("$key", sort));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<double?> ValueAt(string index, string sort, long rank)
    {
        await using var connection = await database.OpenReaderAsync();
        await using var command = Command(connection, "SELECT num FROM ix_sort WHERE ix = $ix AND key = $key ORDER BY num, id LIMIT 1 OFFSET $rank",
            ("$ix", index), ("$key", sort), ("$rank", rank));
        return await command.ExecuteScalarAsync() is double value ? value : null;
    }

    public async Task<IReadOnlyList<string>> TagsStartingWith(string index, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var after = prefix[..^1] + (char)(prefix[^1] + 1);
        await using var connection = await database.OpenReaderAsync();
        await using var command = Command(connection, "SELECT DISTINCT tag FROM ix_tag WHERE ix = $ix AND tag >= $from AND tag < $to",
            ("$ix", index), ("$from", prefix), ("$to", after));
        await using var reader = await command.ExecuteReaderAsync();
        var tags = new List<string>();
        while (await reader.ReadAsync())
        {
            tags.Add(reader.GetString(0));
        }

        return tags;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>One upsert or delete, worked out against the stored row inside the lane's transaction.</summary>
    private sealed class IndexWrite(string index, string id, IndexRow? row, Serializer<IndexRow> serializer) : LaneWork
    {
        public override Exception? Apply(LaneContext lane)
        {
            var read = Run(lane, "SELECT row FROM ix_row WHERE ix = $ix AND id = $id", ("$id", id));
            var stored = read.ExecuteScalar() is byte[] blob ? serializer.Deserialize(blob) : null;
            var change = row is null ? IndexChange.Delete(stored) : IndexChange.Upsert(stored, row);
            if (change.IsEmpty)
            {
                return null;
            }

            foreach (var tag in change.RemovedTags)
            {
                Run(lane, "DELETE FROM ix_tag WHERE ix = $ix AND tag = $tag AND id = $id", ("$tag", tag), ("$id", id)).ExecuteNonQuery();
            }

            foreach (var tag in change.AddedTags)
            {
                Run(lane, "INSERT OR IGNORE INTO ix_tag (ix, tag, id) VALUES ($ix, $tag, $id)", ("$tag", tag), ("$id", id)).ExecuteNonQuery();
            }

            foreach (var key in change.RemovedSorts)
            {
                Run(lane, "DELETE FROM ix_sort WHERE ix = $ix AND key = $key AND id = $id", ("$key", key), ("$id", id)).ExecuteNonQuery();
            }

            foreach (var (key, value) in change.SetSorts)
            {
                Run(lane, """
                    INSERT INTO ix_sort (ix, key, id, num) VALUES ($ix, $key, $id, $num)
                    ON CONFLICT (ix, key, id) DO UPDATE SET num = excluded.num
                    """, ("$key", key), ("$id", id), ("$num", value)).ExecuteNonQuery();
            }

            foreach (var (name, delta) in change.CounterDeltas)
            {
                var (group, within) = CounterGroups.Split(name);
                var key = group is null ? (index, name) : (GroupIndex(index, group), within);
                lane.CounterDeltas[key] = lane.CounterDeltas.GetValueOrDefault(key) + delta;
            }

            if (change.After is { } after)
            {
                Run(lane, """
                    INSERT INTO ix_row (ix, id, row) VALUES ($ix, $id, $row)
                    ON CONFLICT (ix, id) DO UPDATE SET row = excluded.row
                    """, ("$id", id), ("$row", serializer.SerializeToArray(after))).ExecuteNonQuery();
            }
            else
            {
                Run(lane, "DELETE FROM ix_row WHERE ix = $ix AND id = $id", ("$id", id)).ExecuteNonQuery();
            }

            return null;
        }

        private SqliteCommand Run(LaneContext lane, string sql, params (string Name, object Value)[] parameters)
        {
            var command = lane.Command(sql);
            command.Parameters.AddWithValue("$ix", index);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command;
        }
    }
}
