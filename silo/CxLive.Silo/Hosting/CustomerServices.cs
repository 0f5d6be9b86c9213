using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Customers;
using CxLive.Grains.Fleet;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

public static class CustomerServices
{
    /// <summary>The customer grains' side of a silo: what a look is judged by (<see cref="CustomerRules"/>) and the grains' metrics.</summary>
    public static IServiceCollection AddCxLiveCustomers(this IServiceCollection services)
    {
        services.TryAddSingleton<GrainMetrics>();
        services.TryAddSingleton(sp =>
        {
            var revenue = sp.GetRequiredService<RevenueThreshold>();
            return new CustomerRules(
                sp.GetRequiredService<IOptions<TelemetryOptions>>().Value,
                sp.GetRequiredService<IOptions<ScoringOptions>>().Value,
                sp.GetRequiredService<IOptions<AlertOptions>>().Value,
                sp.GetRequiredService<DisruptionRule>(),
                sp.GetRequiredService<AlertRules>(),
                sp.GetRequiredService<TouchpointCatalog>(),
                () => revenue.Value);
        });
        return services;
    }
}
