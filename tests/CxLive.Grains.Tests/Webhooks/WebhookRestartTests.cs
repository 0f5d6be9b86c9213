using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>The acceptance line: receiver down, CxLive restarted meanwhile, delivery completes exactly once per change.</summary>
public sealed class WebhookRestartTests(WebhookClusterFixture fixture) : IClassFixture<WebhookClusterFixture>
{
    [Fact]
    public async Task Pending_deliveries_survive_a_restart_and_complete_once_per_change_when_the_receiver_comes_back()
    {
        var id = "alert-" + Guid.NewGuid().ToString("N");
        await fixture.Everyone.StopAsync();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 2, change: "escalated"));
        var failed = await fixture.Until(
            () => fixture.Outbox.GetDeliveries(id),
            d => d.Count == 2 && d[0].Attempts == 1,
            "a first failed try of version 1",
            moveClock: false);

        await fixture.RestartAsync();
        var resumed = await fixture.Outbox.GetDeliveries(id);
        await fixture.Everyone.StartAgainAsync();
        var deliveries = await fixture.Settled(id, 2);

        Assert.Equal([(WebhookDeliveryStates.Pending, 1), (WebhookDeliveryStates.Pending, 0)], failed.Select(d => (d.State, d.Attempts)));
        Assert.StartsWith("no answer", failed[0].LastError, StringComparison.Ordinal);
        Assert.All(resumed, d => Assert.Equal(WebhookDeliveryStates.Pending, d.State));
        Assert.True(resumed[0].Attempts >= 1, "the attempt count is durable across the restart");
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryStates.Delivered, d.State));
        Assert.True(deliveries[0].Attempts >= 2, $"version 1 took {deliveries[0].Attempts} attempts in all");
        Assert.Equal([1, 2], fixture.Everyone.For(id).Select(p => p.Version));
    }
}
