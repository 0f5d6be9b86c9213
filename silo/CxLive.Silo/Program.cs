using CxLive.Hosting;
using CxLive.ServiceDefaults;
using CxLive.Silo.Hosting;

namespace CxLive.Silo;

/// <summary>
/// Standalone silo host: the cluster half of client mode. The api's embedded mode uses the same AddCxLiveSilo.
/// (A named entry point, so the api's <c>Program</c> stays the only one its tests see.)
/// </summary>
internal static class SiloHost
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        }

        builder.AddCxLiveServiceDefaults();
        builder.UseOrleans(silo => silo.AddCxLiveSilo(builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<ClusterReadyHealthCheck>("cluster", tags: [HealthTags.Ready]);

        var app = builder.Build();
        app.MapCxLiveDefaultEndpoints();
        app.Run();
    }
}
