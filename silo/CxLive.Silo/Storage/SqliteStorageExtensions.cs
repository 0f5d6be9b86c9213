using CxLive.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

public static class SqliteStorageExtensions
{
    /// <summary>
    /// The embedded store (one SQLite file, section <c>Storage</c>): grain storage under <paramref name="name"/> and the
    /// fleet index, sharing one writer lane.
    /// </summary>
    public static ISiloBuilder AddCxLiveSqliteStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.AddCxLiveOptions<SqliteStorageOptions, Hosting.SqliteStorageOptionsValidator>(SqliteStorageOptions.SectionName);
        silo.Services.AddSingleton<SqliteDatabase>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SqliteDatabase>());
        silo.Services.AddGrainStorage(name, (sp, _) => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            new TolerantStateSerializer(
                new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()),
                sp.GetRequiredService<ILogger<TolerantStateSerializer>>()),
            sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        silo.Services.AddSingleton<Grains.Index.IFleetIndex>(sp => new SqliteFleetIndex(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Orleans.Serialization.Serializer<Grains.Index.IndexRow>>()));
        return silo;
    }
}
