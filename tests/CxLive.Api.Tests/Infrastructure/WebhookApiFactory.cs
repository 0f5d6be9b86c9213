using CxLive.Grains.Tests.Webhooks;
using Microsoft.AspNetCore.Hosting;

namespace CxLive.Api.Tests.Infrastructure;

/// <summary>
/// The api with <see cref="AlertsApiFactory"/>'s short alert settings and one global webhook target: a real receiver
/// on 127.0.0.1, started before the api and stopped after it.
/// </summary>
public sealed class WebhookApiFactory : CxLiveApiFactory, IAsyncLifetime
{
    public const string Secret = "api-test-webhook-secret-3";

    internal WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync() => Receiver = await WebhookReceiver.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alerts:DisruptedGrace", "00:00:01");
        builder.UseSetting("Alerts:RevenueFloor", AlertsApiFactory.RevenueFloor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Webhooks:Targets:0:Name", "receiver");
        builder.UseSetting("Webhooks:Targets:0:Url", Receiver.Url.ToString());
        builder.UseSetting("Webhooks:Targets:0:Secret", Secret);
    }
}
