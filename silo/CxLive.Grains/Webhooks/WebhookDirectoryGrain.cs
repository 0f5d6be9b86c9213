using CxLive.Grains.Abstractions.Alerts;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CxLive.Grains.Webhooks;

/// <summary>The webhook views across outboxes (targets, dead letters), answered on whichever silo takes the call; it holds nothing.</summary>
[StatelessWorker]
internal sealed class WebhookDirectoryGrain(IOptions<WebhookOptions> options, DeliveryIndex deliveries) : Grain, IWebhookDirectoryGrain
{
    public const int MaxDeadLetters = 2000;

    public Task<IReadOnlyList<WebhookTargetView>> GetTargets() => Task.FromResult<IReadOnlyList<WebhookTargetView>>(
    [
        .. options.Value.Targets.Select(t => new WebhookTargetView { Name = t.Name, Endpoint = t.Endpoint(), Owners = [.. t.Owners] }),
    ]);

    public Task<IReadOnlyList<WebhookDelivery>> GetDeadLetters() => deliveries.DeadLetters(MaxDeadLetters);
}
