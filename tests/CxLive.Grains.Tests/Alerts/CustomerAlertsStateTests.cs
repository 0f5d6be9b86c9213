using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>The alert grain's stored form: records of their own, and the layout of older builds read once.</summary>
public sealed class CustomerAlertsStateTests
{
    private static Alert Alert(string id, string state = AlertStates.Open) => new()
    {
        Id = id,
        CustomerId = "acme",
        Reason = AlertReasons.Disrupted,
        Severity = AlertSeverities.Critical,
        AccountManager = "dana",
        State = state,
        OpenedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero),
        ResolvedAt = state == AlertStates.Resolved ? new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero) : null,
        Evidence = new AlertEvidence { Link = "/customers/acme" },
        Title = "acme disrupted on checkout",
        LastSeenAt = new DateTimeOffset(2026, 12, 3, 9, 5, 0, TimeSpan.Zero),
        Touchpoint = "checkout",
        Version = 3,
        Delivery = [new WebhookDelivery { AlertId = id, Version = 3, Target = "pager", State = WebhookDeliveryStates.Delivered }],
    };

    [Fact]
    public void Alerts_are_kept_as_records_and_read_back_as_the_same_messages_without_their_deliveries()
    {
        var state = new CustomerAlertsState();
        var alert = Alert("acme:disrupted:1");

        state.Keep([alert]);
        var read = Assert.Single(state.TakeAlerts());

        Assert.Equal(CustomerAlertsState.CurrentVersion, state.Version);
        Assert.Equal("acme:disrupted:1", Assert.Single(state.Records).Id);
        Assert.Empty(state.Alerts);
        Assert.Equivalent(alert with { Delivery = [] }, read, strict: true);
        Assert.Empty(read.Delivery);
    }

    [Fact]
    public void A_state_written_before_records_is_read_once_as_it_was_stored()
    {
        var old = Alert("acme:disrupted:1");
        var state = new CustomerAlertsState { Alerts = [old] }; // version 0, as an older build wrote it

        var read = state.TakeAlerts();
        state.Keep(read);

        Assert.Equal([old], read);
        Assert.Empty(state.Alerts);
        Assert.Equal(old.Id, Assert.Single(state.Records).Id);
    }

    [Fact]
    public void Trimming_keeps_the_newest_resolved_alerts_and_every_open_one()
    {
        var state = new CustomerAlertsState { IndexPending = ["acme:disrupted:1"] };
        var alerts = new List<Alert>
        {
            Alert("acme:disrupted:1", AlertStates.Resolved) with { ResolvedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) },
            Alert("acme:disrupted:2", AlertStates.Resolved),
            Alert("acme:disrupted:3"),
        };

        var forgotten = state.Trim(alerts, keepResolved: 1);

        Assert.Equal(["acme:disrupted:1"], forgotten);
        Assert.Equal(["acme:disrupted:2", "acme:disrupted:3"], alerts.Select(a => a.Id));
        Assert.Empty(state.IndexPending);
    }
}
