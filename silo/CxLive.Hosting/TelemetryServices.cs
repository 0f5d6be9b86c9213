using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

public static class TelemetryServices
{
    /// <summary>
    /// The judgement's options (sections <c>Telemetry</c>, <c>Scoring</c>) and the cadences (<c>Cadence</c>), validated at start-up with messages naming the setting),
    /// the rule, and this process's touchpoint catalog: what the api (parsing, thresholds) and the silo (judging) both
    /// read. Safe to call from both halves of an embedded process.
    /// </summary>
    public static IServiceCollection AddCxLiveTelemetry(this IServiceCollection services)
    {
        services.AddCxLiveOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.SectionName);
        services.AddCxLiveOptions<CadenceOptions, CadenceOptionsValidator>(CadenceOptions.SectionName);
        services.TryAddSingleton(sp => new DisruptionRule(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value));
        services.TryAddSingleton<TouchpointCatalog>();
        services.TryAddSingleton<TouchpointCatalogRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TouchpointCatalogRefresher>(sp => sp.GetRequiredService<TouchpointCatalogRefresher>()));
        services.AddCxLiveOptions<ScoringOptions, ScoringOptionsValidator>(ScoringOptions.SectionName);
        return services;
    }
}
