using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

public static class TelemetryServices
{
    /// <summary>
    /// The judgement's options (section <c>Telemetry</c>, validated at start-up with messages naming the setting),
    /// the rule, and this process's touchpoint catalog. Safe to call from both halves of an embedded process.
    /// </summary>
    public static IServiceCollection AddCxLiveTelemetry(this IServiceCollection services)
    {
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName, o => o.Validate());
        services.TryAddSingleton(sp => new DisruptionRule(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value));
        services.TryAddSingleton<TouchpointCatalog>();
        services.TryAddSingleton<TouchpointCatalogRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TouchpointCatalogRefresher>(sp => sp.GetRequiredService<TouchpointCatalogRefresher>()));
        services.TryAddSingleton<GrainMetrics>();
        services.AddValidatedOptions<ScoringOptions>(ScoringOptions.SectionName, o => o.Validate());
        return services;
    }

    /// <summary>What a look at a customer is judged by (<see cref="Grains.Customers.CustomerRules"/>), on a silo.</summary>
    internal static IServiceCollection AddCxLiveCustomerRules(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var revenue = sp.GetRequiredService<Grains.Fleet.RevenueThreshold>();
            return new Grains.Customers.CustomerRules(
                sp.GetRequiredService<IOptions<TelemetryOptions>>().Value,
                sp.GetRequiredService<IOptions<ScoringOptions>>().Value,
                sp.GetRequiredService<IOptions<Domain.Alerts.AlertOptions>>().Value,
                sp.GetRequiredService<DisruptionRule>(),
                sp.GetRequiredService<Domain.Alerts.AlertRules>(),
                sp.GetRequiredService<TouchpointCatalog>(),
                () => revenue.Value);
        });
        return services;
    }
}
