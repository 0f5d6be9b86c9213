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
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton(sp => new DisruptionRule(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value));
        services.TryAddSingleton<TouchpointCatalog>();
        services.TryAddSingleton<TouchpointCatalogRefresher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TouchpointCatalogRefresher>(sp => sp.GetRequiredService<TouchpointCatalogRefresher>()));
        services.TryAddSingleton<GrainMetrics>();
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>());
        return services;
    }

    private sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScoringOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }

    private sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
