using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Alerts;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>Issue 5 through real grains: rules, dedup, routing, evidence, lifecycle, escalation, silences, hand-over.</summary>
public sealed class AlertGrainTests(AlertsClusterFixture fixture) : IClassFixture<AlertsClusterFixture>
{
    private readonly AlertScenario _scenario = new(fixture);

    private static AlertOptions Options => AlertScenario.Options;

    [Fact]
    public async Task A_customer_above_the_floor_disrupted_beyond_the_grace_gets_exactly_one_alert_for_its_account_manager()
    {
        var customer = _scenario.Id("big");
        var manager = _scenario.Id("dana");
        await _scenario.Profile(customer, 250_000, manager);
        await _scenario.Send(customer, "checkout");
        await _scenario.KeepSending(customer, "checkout", Options.DisruptedGrace - TimeSpan.FromSeconds(20));
        Assert.Empty(await _scenario.Alerts(customer)); // not before the grace period is over

        await _scenario.KeepSending(customer, "checkout", TimeSpan.FromSeconds(30));
        var alerts = await _scenario.AlertsUntil(customer, a => a.Count > 0, "an alert once the grace period is over");

        var alert = Assert.Single(alerts);
        Assert.Equal(AlertIds.Format(customer, AlertReasons.Disrupted, 1), alert.Id);
        Assert.Equal((AlertReasons.Disrupted, AlertSeverities.Critical, AlertStates.Open), (alert.Reason, alert.Severity, alert.State));
        Assert.Equal(manager, alert.AccountManager);
        Assert.Equal("checkout", alert.Touchpoint);
        Assert.Equal(1, alert.Version);
        Assert.Contains(alert.Evidence.Touchpoints, r => r.Touchpoint == "checkout" && r.Disrupted);
        Assert.Equal(250_000, alert.Evidence.AnnualRevenue);
        Assert.Equal($"/customers/{customer}", alert.Evidence.Link);
        Assert.Equal([AlertActions.Raised], alert.History.Select(h => h.Action));
        var inbox = await _scenario.Grains.AlertIndex().Query(new AlertQuery { AccountManager = manager });
        Assert.Equal([alert.Id], inbox.Select(a => a.Id));
        var notice = Assert.Single(RecordingAlertNotifier.For(alert.Id));
        Assert.Equal((1, AlertActions.Raised, "firing", manager), (notice.Version, notice.Change, notice.Status, notice.Owner));
        var document = await Eventually.Until(
            () => _scenario.Grains.GetGrain<ICustomerGrain>(customer).GetDocument(),
            d => d!.OpenAlerts.Count == 1, AlertScenario.Deadline, "the customer document lists the open alert");
        Assert.Equal((alert.Id, AlertStates.Open), (document!.OpenAlerts[0].Id, document.OpenAlerts[0].State));
    }

    [Fact]
    public async Task More_bad_telemetry_folds_into_the_open_alert_and_never_raises_a_second()
    {
        var customer = _scenario.Id("fold");
        var raised = await _scenario.RaiseDisrupted(customer, "checkout", "dana");

        await _scenario.Send(customer, "login");
        await _scenario.KeepSending(customer, "login", Options.DisruptedGrace + TimeSpan.FromSeconds(10));
        await _scenario.Send(customer, "checkout");

        var alert = Assert.Single(await _scenario.AlertsUntil(customer, a => a.Single().Occurrences > 1, "login's disruption folds into the alert"));
        Assert.Equal(raised.Id, alert.Id);
        Assert.Equal(2, alert.Version);
        Assert.Equal([AlertActions.Raised, AlertActions.Updated], alert.History.Select(h => h.Action));
        Assert.Contains(alert.Evidence.Touchpoints, r => r.Touchpoint == "login" && r.Disrupted);
    }

    [Fact]
    public async Task A_customer_below_the_revenue_floor_gets_no_disruption_alert()
    {
        var customer = _scenario.Id("small");
        await _scenario.Profile(customer, Options.RevenueFloor - 1, "dana");
        await _scenario.Send(customer, "checkout");
        await _scenario.KeepSending(customer, "checkout", Options.DisruptedGrace * 2);

        Assert.Empty(await _scenario.Alerts(customer));
    }

    [Fact]
    public async Task An_unowned_customer_s_alert_goes_to_the_default_owner()
    {
        var alert = await _scenario.RaiseDisrupted(_scenario.Id("unowned"), "checkout", accountManager: null);

        Assert.Equal(Options.DefaultOwner, alert.AccountManager);
    }

    [Fact]
    public async Task An_acknowledged_alert_is_not_escalated_and_an_unacknowledged_one_is()
    {
        var acked = await _scenario.RaiseDisrupted(_scenario.Id("acked"), "checkout", "dana");
        var ignored = await _scenario.RaiseDisrupted(_scenario.Id("ignored"), "checkout", "dana");

        var result = await _scenario.Grains.GetGrain<ICustomerAlertsGrain>(acked.CustomerId).Acknowledge(acked.Id, "dana", "calling them");
        fixture.Clock.Advance(Options.EscalationAfter);

        var escalated = (await _scenario.AlertsUntil(ignored.CustomerId, a => a.Single().Escalated, "the unacknowledged alert escalates")).Single();
        Assert.Equal(Options.EscalationOwner, escalated.EscalatedTo);
        Assert.Single(escalated.History, h => h.Action == AlertActions.Escalated); // the condition may clear as the clock jumps, too
        Assert.Contains(RecordingAlertNotifier.For(escalated.Id), n => n.Change == AlertActions.Escalated && n.Owner == Options.EscalationOwner);
        Assert.Null(result.Conflict);
        var acknowledged = (await _scenario.Alerts(acked.CustomerId)).Single();
        Assert.Equal(AlertStates.Acknowledged, acknowledged.State);
        Assert.False(acknowledged.Escalated);
        Assert.Contains(new AlertHistoryEntry(acknowledged.AcknowledgedAt!.Value, AlertActions.Acknowledged, "dana", "calling them"), acknowledged.History);
        Assert.DoesNotContain(acknowledged.History, h => h.Action == AlertActions.Escalated);
    }

    [Fact]
    public async Task Escalation_survives_a_restart()
    {
        var alert = await _scenario.RaiseDisrupted(_scenario.Id("restart"), "checkout", "dana");

        await fixture.RestartAsync();
        fixture.Clock.Advance(Options.EscalationAfter);

        var escalated = (await _scenario.AlertsUntil(alert.CustomerId, a => a.Single().Escalated, "escalated after the restart")).Single();
        Assert.Equal(alert.Id, escalated.Id);
    }

    [Fact]
    public async Task Resolving_is_final_and_acknowledging_a_resolved_alert_is_a_conflict()
    {
        var alert = await _scenario.RaiseDisrupted(_scenario.Id("resolve"), "checkout", "dana");
        var alerts = _scenario.Grains.GetGrain<ICustomerAlertsGrain>(alert.CustomerId);

        var resolved = await alerts.Resolve(alert.Id, "dana", "fixed by the partner");
        var ack = await alerts.Acknowledge(alert.Id, "dana", null);
        var again = await alerts.Resolve(alert.Id, "dana", null);
        var unknown = await alerts.Acknowledge(AlertIds.Format(alert.CustomerId, AlertReasons.AtRisk, 99), "dana", null);

        Assert.Equal(AlertStates.Resolved, resolved.Alert!.State);
        Assert.Null(resolved.Conflict);
        Assert.NotNull(ack.Conflict);
        Assert.NotNull(again.Conflict);
        Assert.Equal(AlertStates.Resolved, ack.Alert!.State);
        Assert.Null(unknown.Alert);
    }

    [Fact]
    public async Task A_detractor_during_a_disruption_raises_the_correlated_alert_with_the_rows_and_the_feedback()
    {
        var customer = _scenario.Id("detractor");
        await _scenario.Profile(customer, 10, "dana");
        await _scenario.Send(customer, "checkout");

        await _scenario.AddFeedback(customer, "nps", 2, "checkout");

        var alert = await _scenario.SingleAlertUntil(customer, AlertReasons.FeedbackWhileDisrupted);
        Assert.Equal(AlertSeverities.Critical, alert.Severity);
        Assert.Equal("checkout", alert.Touchpoint);
        Assert.Contains(alert.Evidence.Touchpoints, r => r.Touchpoint == "checkout" && r.Disrupted);
        var feedback = Assert.Single(alert.Evidence.Feedback);
        Assert.Equal(("nps", 2.0), (feedback.Kind, feedback.Score!.Value));
        Assert.DoesNotContain("it failed again", alert.Title, StringComparison.Ordinal); // no verbatims in titles
    }

    [Fact]
    public async Task A_cleared_condition_marks_the_alert_cleared_and_leaves_the_resolve_to_a_person()
    {
        var alert = await _scenario.RaiseDisrupted(_scenario.Id("clear"), "checkout", "dana");

        await _scenario.Recover(alert.CustomerId, "checkout");

        var cleared = (await _scenario.AlertsUntil(alert.CustomerId, a => a.Single().Cleared, "the alert is cleared")).Single();
        Assert.Equal(AlertStates.Open, cleared.State);
        Assert.Equal(AlertActions.Cleared, cleared.History[^1].Action);
        Assert.Equal(2, cleared.Version);
    }

    [Fact]
    public async Task A_silence_records_the_alert_without_delivering_it()
    {
        var customer = _scenario.Id("silenced");
        var silence = await _scenario.Grains.SilenceRegistry().Add(new Silence
        {
            Id = "new",
            CustomerId = customer,
            StartsAt = fixture.Clock.GetUtcNow(),
            EndsAt = fixture.Clock.GetUtcNow().AddHours(6),
            CreatedBy = "ops",
        });

        var alert = await _scenario.RaiseDisrupted(customer, "checkout", "dana");

        Assert.True(alert.Silenced);
        Assert.Equal(silence.Id, alert.SilenceId);
        Assert.Contains(alert.History, h => h.Action == AlertActions.Silenced);
        Assert.Empty(RecordingAlertNotifier.For(alert.Id));
    }

    [Fact]
    public async Task A_score_drop_raises_an_info_alert()
    {
        var customer = _scenario.Id("drop");
        await _scenario.Profile(customer, 10, "dana");
        await _scenario.Send(customer, "checkout", errors: 0);
        await _scenario.KeepSending(customer, "checkout", TimeSpan.FromMinutes(2), errors: 0);

        await _scenario.KeepSending(customer, "checkout", TimeSpan.FromSeconds(20), errors: 200);

        var alert = await _scenario.SingleAlertUntil(customer, AlertReasons.ScoreDrop);
        Assert.Equal(AlertSeverities.Info, alert.Severity);
        Assert.DoesNotContain((await _scenario.Alerts(customer)), a => a.Reason == AlertReasons.Disrupted); // below the floor
    }

    [Fact]
    public async Task A_big_customer_entering_at_risk_raises_a_warning()
    {
        var customer = _scenario.Id("atrisk");
        await _scenario.Profile(customer, AlertsClusterFixture.QuadrantRevenueLine * 2, "dana");

        await _scenario.Send(customer, "checkout", errors: 200);

        var alert = await _scenario.SingleAlertUntil(customer, AlertReasons.AtRisk);
        Assert.Equal(AlertSeverities.Warning, alert.Severity);
        Assert.Equal("at-risk", alert.Evidence.Quadrant);
    }
}
