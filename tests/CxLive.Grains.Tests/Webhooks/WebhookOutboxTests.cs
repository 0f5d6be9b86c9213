using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Webhooks;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>The outbox's rules without a silo: lanes, dedup, bounds.</summary>
public sealed class WebhookOutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private static readonly WebhookOptions Options = new()
    {
        KeepPerAlert = 2,
        KeepAlerts = 2,
        Targets = [new() { Name = "ops", Url = "http://127.0.0.1:9/hook", Secret = "s" }],
    };

    [Fact]
    public void An_outbox_an_older_build_stored_as_messages_resumes_its_pending_delivery_from_the_stored_forms()
    {
        var notice = WebhookClusterFixture.Notice("a", 2);
        var pending = new WebhookDelivery { AlertId = "a", Version = 2, Target = "ops", State = WebhookDeliveryStates.Pending, Attempts = 1 };
        var state = new WebhookOutboxState();
        state.Alerts["a"] = new AlertDeliveryLog { LatestVersion = 2, LastChangeAt = Now, LegacyNotices = [notice], LegacyDeliveries = [pending] };

        var outbox = new WebhookOutbox(state, Options);

        var head = Assert.Single(outbox.LaneHeads());
        Assert.Equal((notice, pending), (head.Notice, head.Delivery));
        Assert.Null(state.Alerts["a"].LegacyNotices);
        Assert.Null(state.Alerts["a"].LegacyDeliveries);
        Assert.Equal(2, Assert.Single(state.Alerts["a"].Deliveries).Version);
        Assert.Equal(2, outbox.Record(new WebhookAttemptReport { AlertId = "a", Version = 2, Target = "ops", Result = WebhookAttemptResult.Delivered }, Now)!.Attempts);
    }

    [Fact]
    public void Only_the_oldest_pending_version_of_a_lane_is_handed_out_and_older_or_equal_versions_are_ignored()
    {
        var outbox = new WebhookOutbox(new WebhookOutboxState(), Options);

        Assert.True(outbox.Add(WebhookClusterFixture.Notice("a", 2), Now));
        Assert.True(outbox.Add(WebhookClusterFixture.Notice("a", 3), Now));
        Assert.False(outbox.Add(WebhookClusterFixture.Notice("a", 3), Now));
        Assert.False(outbox.Add(WebhookClusterFixture.Notice("a", 1), Now));

        Assert.Equal([2], outbox.LaneHeads().Select(h => h.Delivery.Version));
        Deliver(outbox, "a", 2);
        Assert.Equal([3], outbox.LaneHeads().Select(h => h.Notice.Version));
    }

    [Fact]
    public void Finished_records_are_kept_per_alert_and_for_a_bounded_number_of_alerts()
    {
        var state = new WebhookOutboxState();
        var outbox = new WebhookOutbox(state, Options);
        foreach (var version in new[] { 1, 2, 3 })
        {
            outbox.Add(WebhookClusterFixture.Notice("a", version), Now.AddMinutes(version));
            Deliver(outbox, "a", version);
        }

        outbox.Add(WebhookClusterFixture.Notice("b", 1), Now.AddMinutes(10));
        outbox.Add(WebhookClusterFixture.Notice("c", 1), Now.AddMinutes(11));

        Assert.Equal(["b", "c"], state.Alerts.Keys.Order());
        outbox.Add(WebhookClusterFixture.Notice("d", 1), Now.AddMinutes(12));
        Assert.Equal(3, state.Alerts.Count);
        Assert.All(state.Alerts.Values, log => Assert.Single(log.Notices));

        var kept = new WebhookOutbox(new WebhookOutboxState(), Options);
        foreach (var version in new[] { 1, 2, 3 })
        {
            kept.Add(WebhookClusterFixture.Notice("a", version), Now);
            Deliver(kept, "a", version);
        }

        Assert.Equal([2, 3], kept.Deliveries("a").Select(d => d.Version));
    }

    private static void Deliver(WebhookOutbox outbox, string alertId, int version) =>
        Assert.Equal(
            WebhookDeliveryStates.Delivered,
            outbox.Record(new WebhookAttemptReport { AlertId = alertId, Version = version, Target = "ops", Result = WebhookAttemptResult.Delivered }, Now)?.State);
}
