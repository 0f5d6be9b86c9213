using CxLive.Grains.Abstractions.Access;
using CxLive.Hosting;

namespace CxLive.Api.Access;

internal static partial class AccessExtensions
{
    public static WebApplicationBuilder AddCxLiveAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddCxLiveOptions<AccessOptions, Hosting.AccessOptionsValidator>(AccessOptions.SectionName);
        builder.Services.AddSingleton<ApiKeyDirectory>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var scope in ApiKeyScope.All)
        {
            authorization.AddPolicy(scope, policy => policy.AddRequirements(new ScopeRequirement(scope)));
        }

        // Every route needs a key unless it says otherwise (API.md: all but /health/*).
        authorization.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>Says at start-up how the api is protected, so nobody runs it open without knowing.</summary>
    public static void AnnounceAccess(this WebApplication app)
    {
        var options = app.Configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>() ?? new();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CxLive.Access");
        if (options.AllowAnonymousLoopback)
        {
            LogAnonymousLoopback(logger);
        }

        if (string.IsNullOrEmpty(options.BootstrapKey) && !options.AllowAnonymousLoopback)
        {
            LogNoWayIn(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keyless access is ON for loopback callers (Auth:AllowAnonymousLoopback): they get ingest, read and manage. Other addresses still need an API key.")]
    private static partial void LogAnonymousLoopback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:BootstrapKey is set and keyless loopback access is off: only keys created earlier will work. Set Auth__BootstrapKey to administer keys.")]
    private static partial void LogNoWayIn(ILogger logger);
}
