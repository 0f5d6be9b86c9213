using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

/// <summary>Validates options with their own rules (one message per problem, each naming the setting to fix).</summary>
internal sealed class OptionsRules<TOptions>(Func<TOptions, IEnumerable<string>> rules) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = rules(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
