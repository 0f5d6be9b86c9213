using CxLive.Grains;
using CxLive.Silo.Storage;

namespace CxLive.Silo.Hosting;

public static class CxLiveSiloExtensions
{
    /// <summary>
    /// Everything a CxLive silo needs, whichever process hosts it: clustering, durable grain storage, tracing.
    /// Used by the standalone silo host and by the api in embedded mode.
    /// </summary>
    public static ISiloBuilder AddCxLiveSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(CxLiveClusterOptions.SectionName).Get<CxLiveClusterOptions>() ?? new();
        Validate(cluster);
        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        silo.AddCxLiveSqliteStorage(StorageNames.Default);
        silo.AddActivityPropagation();
        silo.Services.AddCxLiveTelemetry();
        silo.Services.AddCxLiveWebhooks();
        silo.AddCxLiveAlerts();
        silo.Services.AddSingleton<Grains.Fleet.RevenueThreshold>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<Grains.Fleet.RevenueThreshold>());
        return silo;
    }

    /// <summary>Fails start-up with the options' own messages, which name the setting to fix.</summary>
    public static void Validate(CxLiveClusterOptions cluster)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(cluster, new(cluster), results, validateAllProperties: true))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                CxLiveClusterOptions.SectionName, typeof(CxLiveClusterOptions), results.Select(r => r.ErrorMessage ?? "invalid"));
        }
    }
}
