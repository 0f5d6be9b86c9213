using System.Threading.RateLimiting;
using CxLive.Api.Access;
using CxLive.Api.Demo;
using CxLive.Api.Endpoints;
using CxLive.Api.Ingest;
using CxLive.Api.Ingest.Otlp;
using CxLive.Api.Live;
using CxLive.Hosting;
using CxLive.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace CxLive.Api.Hosting;

internal static partial class ApiExtensions
{
    /// <summary>
    /// The builder for the process's arguments. <c>--demo</c> is a switch without a value, so it is kept out of the
    /// configuration's command line (where it would swallow the next argument as its value, e.g. <c>--urls</c>) and
    /// read here, before anything binds configuration.
    /// </summary>
    public static WebApplicationBuilder CreateCxLiveBuilder(string[] args)
    {
        static bool IsDemoSwitch(string arg) => string.Equals(arg, DemoOptions.Switch, StringComparison.OrdinalIgnoreCase);

        var builder = WebApplication.CreateBuilder([.. args.Where(a => !IsDemoSwitch(a))]);
        if (args.Any(IsDemoSwitch))
        {
            builder.Configuration.AddInMemoryCollection(DemoOptions.SwitchSettings);
            builder.Configuration.AddInMemoryCollection(DemoOptions.SwitchDefaults.Where(d => builder.Configuration[d.Key] is null));
        }

        return builder;
    }

    public static WebApplicationBuilder AddCxLiveApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddCxLiveOptions<IngestOptions, IngestOptionsValidator>(IngestOptions.SectionName);
        builder.Services.AddCxLiveOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.SectionName);
        builder.Services.AddSingleton<KeyRateLimits>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WrittenNumbers>();

            // The document is the same wherever it is read from (clients resolve routes against where they fetched it),
            // so the dashboard's copy of it (dashboard/openapi/v1.json) can be compared whole.
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [];
                return Task.CompletedTask;
            });
        });
        builder.Services.AddSignalR();
        builder.Services.AddCxLiveTelemetry();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<TelemetryPipeline>();
        builder.Services.AddSingleton<TelemetryIngest>();
        builder.Services.AddSingleton<CustomerAdmission>();
        builder.Services.AddSingleton<TouchpointAdmission>();
        builder.Services.AddSingleton<Ingest.Feedback.FeedbackIngest>();
        builder.Services.AddCxLiveOptions<OtlpOptions, OtlpOptionsValidator>(OtlpOptions.SectionName);
        builder.Services.AddSingleton<OtlpAttributeKeys>();
        builder.Services.AddSingleton<OtlpIngest>();
        builder.Services.AddSingleton<TelemetryFlusher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryFlusher>());
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<LiveBridge>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveConnections>());
        builder.Services.AddSingleton<Alerts.AlertDeliveries>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveBridge>());
        builder.Services.AddHealthChecks().AddCheck<LiveBridgeHealthCheck>("live-feed", tags: [HealthTags.Ready]);
        builder.AddCxLiveDemo();
        var ingestSettings = builder.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate =
            new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(ingestSettings.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5)));
        builder.Services.AddRequestTimeouts(options =>
        {
            options.AddPolicy(TelemetryEndpoints.RateLimitPolicy, new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(ingestSettings.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status408RequestTimeout, // the sender's fault, never a 5xx
            });
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<KeyRateLimits>((options, keys) => options.GlobalLimiter = keys.Requests);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(TelemetryEndpoints.RateLimitPolicy, _ =>
            {
                var ingest = builder.Configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new();
                return RateLimitPartition.GetConcurrencyLimiter("ingest", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = ingest.MaxConcurrentRequests,
                    QueueLimit = ingest.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                // A token bucket (this key's rate) says when to come back; the ingest concurrency limit does not.
                var perKey = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _);
                var wait = KeyRateLimits.RetryAfterSeconds(context.Lease);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = KeyRateLimits.Header(wait);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = 429,
                        Title = perKey ? "This key's request rate is used up" : "Too many ingest requests at once",
                        Detail = perKey
                            ? $"Retry after {wait} s (RateLimits:ReadRequestsPerSecond, RateLimits:IngestRequestsPerSecond)."
                            : "Retry after 1 second (Ingest:MaxConcurrentRequests, Ingest:QueueLimit).",
                    },
                });
            };
        });
        return builder;
    }

    public static WebApplication MapCxLiveApi(this WebApplication app)
    {
        app.MapCxLiveDefaultEndpoints().RequireAuthorization(AccessPolicies.Read);
        var reference = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.PublicReference;
        var document = app.MapOpenApi();
        var page = app.MapScalarApiReference("/api/reference");
        if (reference)
        {
            document.AllowAnonymous();
            page.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(AccessPolicies.Read);
            page.RequireAuthorization(AccessPolicies.Read);
        }

        app.MapTelemetryEndpoints();
        app.MapOtlpEndpoints();
        app.MapOverviewEndpoints();
        app.MapScorecardEndpoints();
        app.MapFeedbackEndpoints();
        app.MapCustomerEndpoints();
        app.MapTouchpointEndpoints();
        app.MapAlertEndpoints();
        app.MapSilenceEndpoints();
        app.MapKeyEndpoints();
        app.MapAdminEndpoints();
        app.MapWebhookEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }

    /// <summary>Prints where CxLive answers once the server listens, and in which mode.</summary>
    public static void AnnounceAddresses(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CxLive");
        var mode = app.Configuration[$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] ?? HostingModes.Embedded;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogListening(logger, url, mode);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CxLive is up at {Url}/ ({Mode} mode); API reference at {Url}/api/reference")]
    private static partial void LogListening(ILogger logger, string url, string mode);
}
