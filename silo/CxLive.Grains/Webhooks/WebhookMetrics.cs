using System.Diagnostics.Metrics;

namespace CxLive.Grains.Webhooks;

/// <summary>Webhook delivery counters on CxLive's meter, tagged with the target's name.</summary>
public sealed class WebhookMetrics
{
    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(GrainMetrics.MeterName);
        Delivered = meter.CreateCounter<long>("cxlive.webhooks.delivered", "{delivery}", "Alert changes a webhook receiver accepted");
        Retried = meter.CreateCounter<long>("cxlive.webhooks.retried", "{attempt}", "Failed webhook tries that will be tried again");
        DeadLettered = meter.CreateCounter<long>("cxlive.webhooks.dead_lettered", "{delivery}", "Webhook deliveries given up");
    }

    public Counter<long> Delivered { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }
}
