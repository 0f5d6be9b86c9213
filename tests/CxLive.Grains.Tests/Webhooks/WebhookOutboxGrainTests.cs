using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxLive.Grains.Abstractions.Alerts;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>The outbox against real receivers on 127.0.0.1, fresh alert ids per test, the grain clock moved on for back-offs.</summary>
public sealed class WebhookOutboxGrainTests(WebhookClusterFixture fixture) : IClassFixture<WebhookClusterFixture>
{
    [Fact]
    public async Task A_change_reaches_the_receiver_signed_with_the_targets_secret()
    {
        var id = NewAlertId();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));

        var deliveries = await fixture.Settled(id, 1);
        var post = Assert.Single(fixture.Everyone.For(id));

        Assert.Equal(("everyone", WebhookDeliveryStates.Delivered, 1), (deliveries[0].Target, deliveries[0].State, deliveries[0].Attempts));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookClusterFixture.EveryoneSecret), post.Body));
        Assert.Equal(expected, post.Signature);
        Assert.Equal((id, 1), (post.AlertId, post.Version));
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(post.Body);
        var root = body.RootElement;
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("raised", root.GetProperty("change").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("acme", root.GetProperty("labels").GetProperty("customerId").GetString());
        Assert.Equal("/customers/acme", root.GetProperty("annotations").GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("alert").ValueKind);
        Assert.Equal(120000, root.GetProperty("alert").GetProperty("evidence").GetProperty("revenue").GetInt32());
        Assert.Equal(fixture.Clock.GetUtcNow().Year, root.GetProperty("sentAt").GetDateTimeOffset().Year);
    }

    [Fact]
    public async Task The_same_change_enqueued_twice_is_posted_once()
    {
        var id = NewAlertId();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));
        await fixture.Settled(id, 1);
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));

        // Version 2 goes through the same lane after anything left of version 1, so once it is delivered nothing more of 1 can come.
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 2, change: "acknowledged"));
        await fixture.Settled(id, 2);

        Assert.Equal([1, 2], fixture.Everyone.For(id).Select(p => p.Version));
    }

    [Fact]
    public async Task An_owners_target_gets_only_that_owners_alerts_and_a_global_target_gets_all()
    {
        var mine = NewAlertId();
        var theirs = NewAlertId();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(mine, 1, owner: WebhookClusterFixture.AcmeOwner));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(theirs, 1, owner: "am-other"));

        var mineDeliveries = await fixture.Settled(mine, 2);
        var theirDeliveries = await fixture.Settled(theirs, 1);

        Assert.Equal(["acme-desk", "everyone"], mineDeliveries.Select(d => d.Target).Order());
        Assert.Equal("everyone", Assert.Single(theirDeliveries).Target);
        Assert.Single(fixture.Acme.For(mine));
        Assert.Single(fixture.Everyone.For(mine));
        Assert.Single(fixture.Everyone.For(theirs));
        Assert.Empty(fixture.Acme.For(theirs));
    }

    [Fact]
    public async Task Many_alerts_deliveries_come_in_one_read_keyed_by_alert_and_without_the_unknown_ones()
    {
        var mine = NewAlertId();
        var theirs = NewAlertId();
        var unknown = NewAlertId();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(mine, 1, owner: WebhookClusterFixture.AcmeOwner));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(theirs, 1, owner: "am-other"));
        await fixture.Settled(mine, 2);
        await fixture.Settled(theirs, 1);

        var read = await fixture.Outbox.GetDeliveriesOf([mine, unknown, theirs, mine]);

        Assert.Equal(new[] { mine, theirs }.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(await fixture.Outbox.GetDeliveries(mine), read[mine]);
        Assert.Equal(await fixture.Outbox.GetDeliveries(theirs), read[theirs]);
    }

    [Fact]
    public async Task A_500_then_a_200_is_delivered_on_the_retry_with_both_attempts_recorded()
    {
        var id = NewAlertId();
        fixture.Everyone.Answer(id, 500);
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));

        var delivery = Assert.Single(await fixture.Settled(id, 1));

        Assert.Equal((WebhookDeliveryStates.Delivered, 2, "HTTP 500"), (delivery.State, delivery.Attempts, delivery.LastError));
        Assert.NotNull(delivery.DeliveredAt);
        Assert.Equal([500, 200], fixture.Everyone.For(id).Select(p => p.AnsweredWith));
    }

    [Fact]
    public async Task A_receiver_that_is_down_for_good_gets_the_delivery_dead_lettered_after_MaxAttempts()
    {
        var id = NewAlertId();
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1, owner: WebhookClusterFixture.NowhereOwner));

        var deliveries = await fixture.Settled(id, 2);

        var nowhere = Assert.Single(deliveries, d => d.Target == "nowhere");
        Assert.Equal((WebhookDeliveryStates.DeadLetter, WebhookClusterFixture.MaxAttempts), (nowhere.State, nowhere.Attempts));
        Assert.Contains("gave up after 4 attempts", nowhere.LastError, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryStates.Delivered, Assert.Single(deliveries, d => d.Target == "everyone").State);
        Assert.Contains(await fixture.Directory.GetDeadLetters(), d => d.AlertId == id && d.Target == "nowhere");
    }

    [Fact]
    public async Task A_400_is_dead_lettered_at_once_without_retries()
    {
        var id = NewAlertId();
        fixture.Everyone.Answer(id, 400);
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));
        var refused = Assert.Single(await fixture.Settled(id, 1));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 2, change: "resolved", status: "resolved"));

        var deliveries = await fixture.Settled(id, 2);

        Assert.Equal((WebhookDeliveryStates.DeadLetter, 1), (refused.State, refused.Attempts));
        Assert.Contains("HTTP 400", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryStates.Delivered, deliveries[1].State);
        Assert.Equal([(1, 400), (2, 200)], fixture.Everyone.For(id).Select(p => (p.Version, p.AnsweredWith)));
        Assert.Contains(await fixture.Directory.GetDeadLetters(), d => d.AlertId == id && d.Version == 1);
    }

    [Fact]
    public async Task Versions_of_one_alert_reach_a_target_in_order_even_when_the_first_needs_retries()
    {
        var id = NewAlertId();
        fixture.Everyone.Answer(id, 503, 500);
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 1));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 2, change: "updated"));
        await fixture.Outbox.Enqueue(WebhookClusterFixture.Notice(id, 3, change: "acknowledged"));

        var deliveries = await fixture.Settled(id, 3);

        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryStates.Delivered, d.State));
        Assert.Equal([(1, 503), (1, 500), (1, 200), (2, 200), (3, 200)], fixture.Everyone.For(id).Select(p => (p.Version, p.AnsweredWith)));
    }

    [Fact]
    public async Task The_targets_are_listed_without_secrets()
    {
        var targets = await fixture.Directory.GetTargets();

        Assert.Equal(["everyone", "acme-desk", "nowhere"], targets.Select(t => t.Name));
        Assert.Equal([WebhookClusterFixture.AcmeOwner], targets[1].Owners);
        Assert.Equal(fixture.Everyone.Url.ToString(), targets[0].Endpoint);
    }

    private static string NewAlertId() => "alert-" + Guid.NewGuid().ToString("N");
}
