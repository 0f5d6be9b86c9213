using CxLive.Grains.Webhooks;
using CxLive.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Silo.Hosting;

public static class WebhookServices
{
    /// <summary>
    /// The webhook outbox's side of a silo: options (section <c>Webhooks</c>, validated at start-up), the named HTTP
    /// client, the dispatcher, its counters, and the start-up resume of pending deliveries.
    /// </summary>
    public static IServiceCollection AddCxLiveWebhooks(this IServiceCollection services)
    {
        services.AddCxLiveOptions<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.SectionName);
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .RemoveAllLoggers();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<DeliveryIndex>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, WebhookOutboxStarter>());
        return services;
    }
}
