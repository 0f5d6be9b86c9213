using CxLive.Grains.Abstractions;
using CxLive.Grains.Index;
using CxLive.Silo.Hosting;
using Orleans.Serialization;
using StackExchange.Redis;

namespace CxLive.Silo.Storage;

/// <summary>
/// The fleet index in Redis, for a cluster: per index a hash per row (<c>v</c> version, <c>b</c> the row), a set per
/// tag, a sorted set per sort (member the id, score the number) and a hash of counters. An upsert reads the
/// row, works out the <see cref="IndexChange"/> and applies it in one MULTI/EXEC guarded by the row's version, so a
/// row and its share of the counters change together. Every key of an index shares one hash tag
/// (<c>{service/ix/name}</c>): queries intersect its sets in one call, also on Redis Cluster (on one shard).
/// </summary>
internal sealed class RedisFleetIndex(RedisConnections redis, string connectionString, string serviceId, Serializer<IndexRow> serializer) : IFleetIndex
{
    private const int MaxAttempts = 10;

    public async Task Upsert(string index, IndexRow row) => await Change(index, row.Id, row);

    public async Task Delete(string index, string id) => await Change(index, id, null);

    public async Task<IndexRow?> Read(string index, string id)
    {
        var keys = new Keys(serviceId, index);
        var blob = await Run(db => db.HashGetAsync(keys.Row(id), "b"));
        return blob.HasValue ? serializer.Deserialize((byte[])blob!) : null;
    }

    public async Task<IReadOnlyList<string>> Existing(string index, IReadOnlyList<string> ids)
    {
        var keys = new Keys(serviceId, index);
        var db = await Database();
        try
        {
            var batch = db.CreateBatch();
            var checks = ids.Select(id => (Id: id, Exists: batch.KeyExistsAsync(keys.Row(id)))).ToList();
            batch.Execute();
            var found = new List<string>();
            foreach (var (id, exists) in checks)
            {
                if (await exists)
                {
                    found.Add(id);
                }
            }

            return found;
        }
        catch (RedisException ex)
        {
            throw Failed(ex);
        }
    }

    public async Task<IndexPage> Query(string index, IndexQuery query)
    {
        var keys = new Keys(serviceId, index);
        var sort = keys.Sort(query.Sort);
        var order = query.Descending ? Order.Descending : Order.Ascending;
        var stop = (long)query.Offset + query.Limit - 1;
        var db = await Database();
        RedisValue[] members;
        long total;
        try
        {
            if (query.Tags.Count == 0 && query.AnyTags.Count == 0)
            {
                var batch = db.CreateBatch();
                var range = batch.SortedSetRangeByRankAsync(sort, query.Offset, stop, order);
                var length = batch.SortedSetLengthAsync(sort);
                batch.Execute();
                (members, total) = (await range, await length);
            }
            else
            {
                RedisKey scratch = keys.Scratch();
                var transaction = db.CreateTransaction();
                List<RedisKey> inputs = [sort, .. query.Tags.Select(t => (RedisKey)keys.Tag(t))];
                RedisKey? any = null;
                if (query.AnyTags.Count > 0)
                {
                    // Rows with at least one of AnyTags: their union first, then intersected like any other tag.
                    any = keys.Scratch();
                    _ = transaction.SetCombineAndStoreAsync(SetOperation.Union, any.Value, [.. query.AnyTags.Select(t => (RedisKey)keys.Tag(t))]);
                    inputs.Add(any.Value);
                }

                var matched = transaction.SortedSetCombineAndStoreAsync(
                    SetOperation.Intersect, scratch, [.. inputs], [1, .. inputs.Skip(1).Select(_ => 0.0)], Aggregate.Sum);
                var range = transaction.SortedSetRangeByRankAsync(scratch, query.Offset, stop, order);
                _ = transaction.KeyDeleteAsync(scratch);
                if (any is { } union)
                {
                    _ = transaction.KeyDeleteAsync(union);
                }
                await transaction.ExecuteAsync();
                (members, total) = (await range, await matched);
            }

            var rows = new List<IndexRow>(members.Length);
            if (members.Length > 0)
            {
                var batch = db.CreateBatch();
                var blobs = members.Select(m => batch.HashGetAsync(keys.Row((string)m!), "b")).ToList();
                batch.Execute();
                foreach (var blob in blobs)
                {
                    if ((await blob) is { HasValue: true } value)
                    {
                        rows.Add(serializer.Deserialize((byte[])value!)!);
                    }
                }
            }

            return new IndexPage(rows, total);
        }
        catch (RedisException ex)
        {
            throw Failed(ex);
        }
    }

    public async Task<IReadOnlyDictionary<string, double>> Counters(string index)
    {
        var entries = await Run(db => db.HashGetAllAsync(new Keys(serviceId, index).Counters));
        return entries.ToDictionary(e => (string)e.Name!, e => (double)e.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, double>> Counters(string index, string group)
    {
        var entries = await Run(db => db.HashGetAllAsync(new Keys(serviceId, index).GroupCounters(group)));
        return entries.ToDictionary(e => (string)e.Name!, e => (double)e.Value, StringComparer.Ordinal);
    }

    public Task<long> Count(string index, string sort) => Run(db => db.SortedSetLengthAsync(new Keys(serviceId, index).Sort(sort)));

    public async Task<double?> ValueAt(string index, string sort, long rank)
    {
        var found = await Run(db => db.SortedSetRangeByRankWithScoresAsync(new Keys(serviceId, index).Sort(sort), rank, rank));
        return found.Length == 0 ? null : found[0].Score;
    }

    public async Task<IReadOnlyList<string>> TagsStartingWith(string index, string prefix)
    {
        var keys = new Keys(serviceId, index);
        var db = await Database();
        try
        {
            var tags = (await db.SetMembersAsync(keys.TagNames)).Select(t => (string)t!).Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var inUse = new List<string>(tags.Count);
            foreach (var tag in tags)
            {
                if (await db.SetLengthAsync(keys.Tag(tag)) > 0)
                {
                    inUse.Add(tag);
                }
                else
                {
                    await db.SetRemoveAsync(keys.TagNames, tag); // a tag nobody carries any more
                }
            }

            return inUse;
        }
        catch (RedisException ex)
        {
            throw Failed(ex);
        }
    }

    private async Task Change(string index, string id, IndexRow? row)
    {
        var keys = new Keys(serviceId, index);
        var rowKey = keys.Row(id);
        var db = await Database();
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var fields = await db.HashGetAsync(rowKey, ["v", "b"]);
                var stored = fields[1].HasValue ? serializer.Deserialize((byte[])fields[1]!) : null;
                var version = fields[0].HasValue ? (long)fields[0] : 0;
                var change = row is null ? IndexChange.Delete(stored) : IndexChange.Upsert(stored, row);
                if (change.IsEmpty)
                {
                    return;
                }

                var transaction = db.CreateTransaction();
                transaction.AddCondition(stored is null ? Condition.KeyNotExists(rowKey) : Condition.HashEqual(rowKey, "v", version));
                foreach (var tag in change.RemovedTags)
                {
                    _ = transaction.SetRemoveAsync(keys.Tag(tag), id);
                }

                foreach (var tag in change.AddedTags)
                {
                    _ = transaction.SetAddAsync(keys.Tag(tag), id);
                    _ = transaction.SetAddAsync(keys.TagNames, tag);
                }

                foreach (var key in change.RemovedSorts)
                {
                    _ = transaction.SortedSetRemoveAsync(keys.Sort(key), id);
                }

                foreach (var (key, value) in change.SetSorts)
                {
                    _ = transaction.SortedSetAddAsync(keys.Sort(key), id, value);
                }

                foreach (var (name, delta) in change.CounterDeltas)
                {
                    var (group, within) = CounterGroups.Split(name);
                    _ = group is null
                        ? transaction.HashIncrementAsync(keys.Counters, name, delta)
                        : transaction.HashIncrementAsync(keys.GroupCounters(group), within, delta);
                }

                _ = change.After is { } after
                    ? transaction.HashSetAsync(rowKey, [new HashEntry("v", version + 1), new HashEntry("b", serializer.SerializeToArray(after))])
                    : transaction.KeyDeleteAsync(rowKey);
                if (await transaction.ExecuteAsync())
                {
                    return;
                }
            }
        }
        catch (RedisException ex)
        {
            throw Failed(ex);
        }

        throw new StorageFailedException($"Index '{index}': row '{id}' kept changing under {MaxAttempts} attempts to write it.");
    }

    private async Task<T> Run<T>(Func<IDatabase, Task<T>> operation)
    {
        try
        {
            return await operation(await Database());
        }
        catch (RedisException ex)
        {
            throw Failed(ex);
        }
    }

    private async Task<IDatabase> Database() => (await redis.ConnectAsync(connectionString)).GetDatabase();

    private static StorageFailedException Failed(RedisException ex) => new($"The Redis fleet index failed: {ex.GetType().Name}: {ex.Message}");

    private readonly struct Keys(string serviceId, string index)
    {
        private readonly string _prefix = $"{{{serviceId}/ix/{index}}}";

        public string Counters => _prefix + ":c";

        /// <summary>A counter group's hash: beside the index's own, under the same hash tag (one slot, one transaction).</summary>
        public string GroupCounters(string group) => $"{_prefix}:c:{group}";

        public string TagNames => _prefix + ":tags";

        public string Row(string id) => $"{_prefix}:r:{id}";

        public string Tag(string tag) => $"{_prefix}:t:{tag}";

        public string Sort(string sort) => $"{_prefix}:s:{sort}";

        public string Scratch() => $"{_prefix}:q:{Guid.NewGuid():N}";
    }
}
