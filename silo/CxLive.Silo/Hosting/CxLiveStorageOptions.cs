using System.ComponentModel.DataAnnotations;
using CxLive.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Where a silo keeps grain state, the fleet index and reminders (section <c>Storage</c>; the SQLite file's own
/// settings are <see cref="Storage.SqliteStorageOptions"/>, bound from the same section).
/// </summary>
public sealed class CxLiveStorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Redis</c> (a cluster: every silo shares it).</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The Redis connection string for storage; <c>Cluster:Redis</c> when unset.</summary>
    public string? Redis { get; set; }

    public bool UsesRedis => string.Equals(Provider, StorageProviders.Redis, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string storage uses: its own, else the cluster's.</summary>
    public string? RedisConnection(CxLiveClusterOptions cluster) => Redis is { Length: > 0 } own ? own : cluster.Redis;

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (!StorageProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Storage:Provider must be one of {string.Join(", ", StorageProviders.All)} (was '{Provider}').");
        }
    }

    /// <summary>What must agree with the cluster's settings, one message per problem, each naming the setting to fix.</summary>
    public IEnumerable<string> Validate(CxLiveClusterOptions cluster)
    {
        if (!StorageProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            yield break; // said by the options' own check
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
