using CxLive.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Where a silo keeps grain state, the fleet index and reminders (section <c>Storage</c>; the SQLite file's own
/// settings are <see cref="Storage.SqliteStorageOptions"/>, bound from the same section).
/// </summary>
public sealed class CxLiveStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Redis</c> (a cluster: every silo shares it).</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The Redis connection string for storage; <c>Cluster:Redis</c> when unset.</summary>
    public string? Redis { get; set; }

    public bool UsesRedis => string.Equals(Provider, StorageProviders.Redis, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string storage uses: its own, else the cluster's.</summary>
    public string? RedisConnection(CxLiveClusterOptions cluster) => Redis is { Length: > 0 } own ? own : cluster.Redis;

    /// <summary>One message per problem, each naming the setting to fix.</summary>
    public IEnumerable<string> Validate(CxLiveClusterOptions cluster)
    {
        if (!StorageProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Storage:Provider must be one of {string.Join(", ", StorageProviders.All)} (was '{Provider}').";
            yield break;
        }

        if (UsesRedis && RedisConnectionString.Problem(RedisConnection(cluster)) is { } problem)
        {
            yield return $"Storage:Redis (or Cluster:Redis) {problem} (Storage:Provider is Redis).";
        }

        if (cluster.UsesRedis && !UsesRedis)
        {
            yield return "Cluster:Membership is Redis but Storage:Provider is Sqlite: silos of one cluster must share their state; set Storage:Provider to Redis.";
        }
    }
}
