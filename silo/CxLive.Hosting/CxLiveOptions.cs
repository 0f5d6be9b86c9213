using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

/// <summary>
/// The one way CxLive's settings are checked: each options class carries DataAnnotations (attributes for single
/// settings, <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> for rules across settings), every
/// message names the setting to fix, and an <see cref="OptionsValidatorAttribute"/> validator generated at compile
/// time runs them, at start-up.
/// </summary>
public static class CxLiveOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and checks it at start-up with its generated
    /// validator. Safe to call twice for the same options (both halves of an embedded process do).
    /// </summary>
    public static OptionsBuilder<TOptions> AddCxLiveOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// For settings read before the container exists (they shape the builder): the same generated validator, plus
    /// rules across sections; fails start-up with every problem.
    /// </summary>
    public static void ThrowIfInvalid<TOptions, TValidator>(TOptions options, string section, IEnumerable<string>? moreProblems = null)
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        var result = new TValidator().Validate(Options.DefaultName, options);
        var failures = (result.Failed ? result.Failures : []).Concat(moreProblems ?? []).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(section, typeof(TOptions), failures);
        }
    }
}
