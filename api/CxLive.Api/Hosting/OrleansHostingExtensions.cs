using CxLive.Hosting;
using CxLive.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace CxLive.Api.Hosting;

internal static class OrleansHostingExtensions
{
    /// <summary>Co-hosts a silo (embedded) or joins a cluster as a client, as <c>Hosting:Mode</c> says.</summary>
    public static WebApplicationBuilder AddCxLiveOrleans(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new();
        builder.Services.AddCxLiveOptions<HostingOptions, HostingOptionsValidator>(HostingOptions.SectionName);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(hosting.DefaultUrl);
        }

        if (string.Equals(hosting.Mode, HostingModes.Client, StringComparison.OrdinalIgnoreCase))
        {
            var cluster = builder.Configuration.GetSection(CxLiveClusterOptions.SectionName).Get<CxLiveClusterOptions>() ?? new();
            CxLiveOptions.ThrowIfInvalid<CxLiveClusterOptions, CxLiveClusterOptionsValidator>(cluster, CxLiveClusterOptions.SectionName);
            builder.UseOrleansClient(client =>
            {
                if (cluster.UsesRedis)
                {
                    client.Services.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
                    client.UseRedisClustering(cluster.Redis!);
                }
                else
                {
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                }

                client.Services.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
                client.Services.Configure<Orleans.Configuration.GatewayOptions>(o => o.GatewayListRefreshPeriod = cluster.GatewayListRefreshPeriod);
                client.AddActivityPropagation();
                client.Services.AddSingleton<IClientConnectionRetryFilter, RetryUntilStopped>();
            });
            builder.Services.AddSingleton<ClusterConnection>();
            builder.Services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>>(sp => sp.GetRequiredService<ClusterConnection>());

            // Start the web server beside the client's connection loop, so probes and 503s answer meanwhile.
            builder.Services.Configure<HostOptions>(options =>
            {
                options.ServicesStartConcurrently = true;
                options.ShutdownTimeout = cluster.ShutdownTimeout;
            });
        }
        else if (string.Equals(hosting.Mode, HostingModes.Embedded, StringComparison.OrdinalIgnoreCase))
        {
            builder.CoHostSilo();
            builder.Services.AddSingleton(ClusterConnection.AlwaysConnected());
        }
        else
        {
            throw new OptionsValidationException(HostingOptions.SectionName, typeof(HostingOptions), ["Hosting:Mode must be 'Embedded' or 'Client'."]);
        }

        builder.Services.AddHealthChecks().AddCheck<ClusterReadyHealthCheck>("cluster", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>Until the cluster is reached, routes under /api answer 503 with Retry-After.</summary>
    public static WebApplication UseClusterGate(this WebApplication app)
    {
        var connection = app.Services.GetRequiredService<ClusterConnection>();
        app.Use((context, next) =>
            connection.IsConnected || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? next(context)
                : throw new ClusterNotConnectedException());
        return app;
    }
}
