using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Tests.Alerts;

namespace CxLive.Grains.Tests.Webhooks;

/// <summary>The two halves of issue 5 together: an alert raised by the rules reaches a real receiver through the real outbox.</summary>
public sealed class AlertWebhookTests(WebhookClusterFixture fixture) : IClassFixture<WebhookClusterFixture>
{
    [Fact]
    public async Task An_alert_raised_by_the_rules_and_its_ack_arrive_signed_once_each_and_show_as_delivered()
    {
        var scenario = new AlertScenario(fixture);
        var customer = scenario.Id("hooked");
        var alert = await scenario.RaiseDisrupted(customer, "checkout", WebhookClusterFixture.AcmeOwner);
        await Delivered(alert.Id, deliveries: 2); // everyone and acme-desk
        var acknowledged = await scenario.Grains.GetGrain<ICustomerAlertsGrain>(customer).Acknowledge(alert.Id, "dana", "on it");
        var deliveries = await Delivered(alert.Id, deliveries: 4);

        Assert.Null(acknowledged.Conflict);
        Assert.Equal(
            [("everyone", 1), ("acme-desk", 1), ("everyone", 2), ("acme-desk", 2)],
            deliveries.Select(d => (d.Target, d.Version)));
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryStates.Delivered, d.State));
        var posts = fixture.Everyone.For(alert.Id);
        Assert.Equal([1, 2], posts.Select(p => p.Version));
        Assert.Equal([1, 2], fixture.Acme.For(alert.Id).Select(p => p.Version));

        var first = posts[0];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookClusterFixture.EveryoneSecret), first.Body));
        Assert.Equal(expected, first.Signature);
        using var raised = JsonDocument.Parse(first.Body);
        Assert.Equal(("firing", "raised"), (raised.RootElement.GetProperty("status").GetString(), raised.RootElement.GetProperty("change").GetString()));
        Assert.Equal(alert.Id, raised.RootElement.GetProperty("alert").GetProperty("id").GetString());
        Assert.Equal(AlertReasons.Disrupted, raised.RootElement.GetProperty("labels").GetProperty("reason").GetString());
        using var ack = JsonDocument.Parse(posts[1].Body);
        Assert.Equal(("firing", "acknowledged"), (ack.RootElement.GetProperty("status").GetString(), ack.RootElement.GetProperty("change").GetString()));
        Assert.Equal(AlertStates.Acknowledged, ack.RootElement.GetProperty("alert").GetProperty("state").GetString());

        var indexed = await scenario.Grains.AlertIndex().Query(new AlertQuery { CustomerId = customer, Limit = 10 });
        var summary = indexed.Single(a => a.Id == alert.Id);
        Assert.Equal((AlertStates.Acknowledged, 2), (summary.State, summary.Version));
    }

    /// <summary>
    /// Waits for the alert's deliveries to be all delivered, without moving the grain clock: the receivers are up, so
    /// the first tries succeed, and a still clock keeps the customer's condition (and the alert) as it is.
    /// </summary>
    private Task<IReadOnlyList<WebhookDelivery>> Delivered(string alertId, int deliveries) => fixture.Until(
        () => fixture.OutboxOf(alertId).GetDeliveries(alertId),
        d => d.Count == deliveries && d.All(x => x.State == WebhookDeliveryStates.Delivered),
        $"{deliveries} delivered deliveries of {alertId}",
        moveClock: false);
}
