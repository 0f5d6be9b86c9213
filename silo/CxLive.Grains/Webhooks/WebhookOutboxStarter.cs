using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Logging;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// Activates the outbox of earlier builds (<see cref="IWebhookOutboxGrain.LegacyKey"/>) once the silo is up, so what it
/// had queued drains; the customers' outboxes are resumed through the delivery index when their silo is gone. Stops
/// this silo's tries when the silo stops (the outboxes have every outcome so far).
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
            await grains.GetGrain<IWebhookDeliveryLedger>(IWebhookOutboxGrain.LegacyKey).ResumePending().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.ResumeFailed(logger, ex);
        }
    }
}
