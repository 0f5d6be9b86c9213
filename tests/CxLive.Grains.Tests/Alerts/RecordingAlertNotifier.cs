using System.Collections.Concurrent;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>Stands in for the webhook outbox: keeps every notice handed over (tests look for their own alert ids).</summary>
public sealed class RecordingAlertNotifier : IAlertNotifier
{
    private static readonly ConcurrentQueue<AlertNotice> Received = new();

    public static IReadOnlyList<AlertNotice> For(string alertId) => [.. Received.Where(n => n.AlertId == alertId)];

    public Task<IReadOnlyList<WebhookDelivery>> Enqueue(AlertNotice notice)
    {
        Received.Enqueue(notice);
        return Task.FromResult<IReadOnlyList<WebhookDelivery>>([]);
    }
}
