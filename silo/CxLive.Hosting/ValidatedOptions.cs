using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and checks it at start-up with its own
    /// rules (one message per problem, each naming the setting to fix). Safe to call twice for the same options.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section, Func<TOptions, IEnumerable<string>> rules)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionsRules<TOptions>(rules)));
        return services;
    }

    /// <summary>For settings read before the container exists (they shape the builder): fails start-up with the problems.</summary>
    public static void ThrowIfInvalid<TOptions>(TOptions options, string section, IEnumerable<string> problems)
        where TOptions : class
    {
        var failures = problems.ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(section, options.GetType(), failures);
        }
    }
}
