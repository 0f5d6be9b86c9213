using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Activates the webhook outbox once the silo is up, so deliveries pending before a restart resume with no other
/// trigger; stops this silo's tries when the silo stops (the outbox has every outcome so far).
/// </summary>
public sealed class WebhookOutboxStarter(IGrainFactory grains, WebhookDispatcher dispatcher, ILogger<WebhookOutboxStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WebhookOutboxStarter), ServiceLifecycleStage.Active, ResumeAsync, StopAsync);

    private Task StopAsync(CancellationToken cancellationToken)
    {
        dispatcher.Stop();
        return Task.CompletedTask;
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IWebhookDeliveryLedger>(IWebhookOutboxGrain.Key).ResumePending().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.ResumeFailed(logger, ex);
        }
    }
}
