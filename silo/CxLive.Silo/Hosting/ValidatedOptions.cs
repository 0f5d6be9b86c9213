using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

internal static class ValidatedOptions
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
}
