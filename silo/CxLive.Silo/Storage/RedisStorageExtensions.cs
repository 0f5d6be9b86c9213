using Orleans.Storage;

namespace CxLive.Silo.Storage;

public static class RedisStorageExtensions
{
    /// <summary>
    /// Orleans' Redis grain storage under <paramref name="name"/>, with the Orleans serializer (as the SQLite storage
    /// uses): stored types are named by their <c>[Alias]</c>, so a state written by one build is read by the next.
    /// </summary>
    public static ISiloBuilder AddCxLiveRedisStorage(this ISiloBuilder silo, string name, string connectionString)
    {
        silo.AddRedisGrainStorage(name, options => options
            .Configure<Hosting.RedisConnections, Orleans.Serialization.Serializer, ILoggerFactory>((o, redis, serializer, logs) =>
            {
                o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(connectionString);
                o.CreateMultiplexer = async redisOptions => (await redis.ConnectAsync(redisOptions.ConfigurationOptions!), true);
                o.GrainStorageSerializer = new TolerantStateSerializer(new OrleansGrainStorageSerializer(serializer), logs.CreateLogger<TolerantStateSerializer>());
            }));
        silo.Services.AddSingleton<Grains.Index.IFleetIndex>(sp => new RedisFleetIndex(
            sp.GetRequiredService<Hosting.RedisConnections>(),
            connectionString,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<Orleans.Serialization.Serializer<Grains.Index.IndexRow>>()));
        return silo;
    }
}
