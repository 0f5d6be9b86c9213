using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CxLive.Silo.Storage;

public static class SqliteStorageExtensions
{
    /// <summary>Adds the embedded SQLite grain storage under <paramref name="name"/>, configured from section <c>Storage</c>.</summary>
    public static ISiloBuilder AddCxLiveSqliteStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddGrainStorage(name, (sp, storageName) =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            return new SqliteGrainStorage(
                storageName,
                options.ResolveFilePath(contentRoot),
                options,
                new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()),
                sp.GetRequiredService<ILogger<SqliteGrainStorage>>());
        });
        return silo;
    }
}
