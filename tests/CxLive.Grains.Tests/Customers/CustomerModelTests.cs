using CxLive.Domain.Alerts;
using CxLive.Domain.Scoring;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Scoring;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Customers;

namespace CxLive.Grains.Tests.Customers;

/// <summary>
/// A customer judged without a grain or a clock of its own: each look is called at the time the test says, and its
/// answer (<see cref="CustomerLook"/>) is what the grain would persist and push. What the api tests reach only in
/// 40 seconds of real time happens here in simulated minutes.
/// </summary>
public sealed class CustomerModelTests
{
    private static readonly TelemetryOptions Telemetry = new();
    private static readonly AlertOptions Alerts = new();
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now = Start;

    private static CustomerModel New(CustomerState? state = null, TelemetryCheckpoint? checkpoint = null, double revenueLine = 1_000_000) =>
        new("acme", state ?? new CustomerState(), checkpoint ?? new TelemetryCheckpoint(), new CustomerRules(
            Telemetry, new ScoringOptions(), Alerts, new DisruptionRule(Telemetry), new AlertRules(Alerts), new TouchpointCatalog(), () => revenueLine));

    private static AlertSummary OpenDisruptedAlert(DateTimeOffset openedAt) => new()
    {
        Id = AlertIds.Format("acme", AlertReasons.Disrupted, 1),
        CustomerId = "acme",
        Reason = AlertReasons.Disrupted,
        Severity = AlertSeverities.Critical,
        State = AlertStates.Open,
        AccountManager = "dana",
        OpenedAt = openedAt,
        Title = "checkout disrupted",
    };

    /// <summary>One slot of 400 interactions at the current time, <paramref name="errors"/> of them failed; then a look.</summary>
    private CustomerLook Slot(CustomerModel customer, int errors, string touchpoint = "checkout")
    {
        customer.Ingest(new CustomerTelemetry([new TouchpointTelemetry(touchpoint, [new SlotCounts(Telemetry.SlotIndexOf(_now), 400, errors, 0)], 80)], _now), _now);
        return customer.Look(_now);
    }

    /// <summary>Slots every SlotSeconds for <paramref name="span"/>; returns every look's answer.</summary>
    private List<CustomerLook> Slots(CustomerModel customer, TimeSpan span, int errors)
    {
        var looks = new List<CustomerLook>();
        for (var end = _now + span; _now < end;)
        {
            _now += TimeSpan.FromSeconds(Telemetry.SlotSeconds);
            looks.Add(Slot(customer, errors));
        }

        return looks;
    }

    [Fact]
    public void Bad_traffic_enters_a_disruption_once_on_the_timeline_and_good_traffic_recovers_it()
    {
        var customer = New();
        var looks = new List<CustomerLook> { Slot(customer, errors: 40) };
        looks.AddRange(Slots(customer, TimeSpan.FromMinutes(1), errors: 40));

        var entered = Assert.Single(looks.SelectMany(l => l.Transitions));
        Assert.Equal(("disrupted", "checkout"), (entered.Kind, entered.Touchpoint));
        Assert.Equal(1, looks.Sum(l => l.DisruptionsEntered));
        Assert.True(looks.First(l => l.Transitions.Count > 0) is { Changed: true, TimelineChanged: true });
        Assert.True(CustomerViews.Document(customer, _now).Disrupted);

        var recovering = Slots(customer, TimeSpan.FromSeconds(Telemetry.ShortWindowSeconds + (2 * Telemetry.SlotSeconds)), errors: 0);

        Assert.Equal("recovered", Assert.Single(recovering.SelectMany(l => l.Transitions)).Kind);
        Assert.Equal(0, recovering.Sum(l => l.DisruptionsEntered));
        Assert.False(CustomerViews.Document(customer, _now).Disrupted);
        Assert.Equal(["disrupted", "recovered"], customer.State.Timeline.Where(t => t.Touchpoint == "checkout").Select(t => t.Kind));
    }

    [Fact]
    public void A_customer_above_the_revenue_floor_is_observed_for_an_alert_once_the_grace_is_over_and_only_once()
    {
        var customer = New();
        customer.SetProfile(new CustomerProfile { AnnualRevenue = Alerts.RevenueFloor * 2, AccountManager = "dana" }, _now);
        var looks = new List<CustomerLook> { Slot(customer, errors: 40) };
        looks.AddRange(Slots(customer, Alerts.DisruptedGrace - TimeSpan.FromSeconds(Telemetry.SlotSeconds), errors: 40));
        Assert.All(looks, l => Assert.Null(l.Alerts)); // within the grace

        var raising = Slots(customer, TimeSpan.FromSeconds(2 * Telemetry.SlotSeconds), errors: 40).First(l => l.Alerts is not null);
        var signal = Assert.Single(raising.Alerts!.Raised);
        Assert.Equal((AlertReasons.Disrupted, "checkout"), (signal.Reason, signal.Touchpoint));
        Assert.Equal("dana", raising.Alerts.Owner);
        Assert.Contains(raising.Alerts.Evidence.Touchpoints, r => r.Touchpoint == "checkout" && r.Disrupted);
        Assert.Equal([AlertReasons.Disrupted], raising.Holding);

        // The alert grain took it and answered its open alert: remembered, so the next look raises nothing.
        var open = OpenDisruptedAlert(_now);
        Assert.True(customer.AlertsSeen(raising.Holding, [open]));
        Assert.True(customer.CheckpointDirty);
        Assert.Equal([open], CustomerViews.Document(customer, _now).OpenAlerts);
        _now += TimeSpan.FromSeconds(Telemetry.SlotSeconds);
        Assert.Empty(Slot(customer, errors: 40).Alerts?.Raised ?? []);
    }

    [Fact]
    public void An_observation_the_alert_grain_never_took_is_observed_again_at_the_next_look()
    {
        var customer = New();
        customer.SetProfile(new CustomerProfile { AnnualRevenue = Alerts.RevenueFloor * 2 }, _now);
        Slot(customer, errors: 40);
        var first = Slots(customer, Alerts.DisruptedGrace + TimeSpan.FromSeconds(Telemetry.SlotSeconds), errors: 40).First(l => l.Alerts is not null);
        Assert.Equal(Alerts.DefaultOwner, first.Alerts!.Owner); // no account manager

        _now += TimeSpan.FromSeconds(Telemetry.SlotSeconds);
        var again = Slot(customer, errors: 40); // AlertsSeen was not called: the grain's call failed

        Assert.Equal([AlertReasons.Disrupted], again.Alerts!.Raised.Select(r => r.Reason));
    }

    [Fact]
    public void A_complaint_while_disrupted_counts_as_known_first_is_stored_once_and_is_evidence_for_the_alert()
    {
        var customer = New();
        customer.SetProfile(new CustomerProfile { AnnualRevenue = 50_000 }, _now);
        Slot(customer, errors: 40);
        Slots(customer, TimeSpan.FromMinutes(1), errors: 40);
        var complaint = new FeedbackItem { Id = "f1", CustomerId = "acme", Touchpoint = "checkout", Timestamp = _now, Kind = "complaint", Comment = "stuck at payment" };

        var intake = customer.Receive([complaint], _now);
        var replay = customer.Receive([complaint], _now);

        Assert.Equal((1, 0), (intake.Stored, intake.Duplicates));
        Assert.Equal((0, 1), (replay.Stored, replay.Duplicates));
        Assert.Equal("complaint", Assert.Single(intake.ByTouchpoint["checkout"]).Kind);
        var stored = Assert.Single(customer.State.Feedback);
        Assert.True(stored.KnownFirst);
        Assert.Contains(stored.Evidence, e => e.Touchpoint == "checkout" && e.Disrupted);
        Assert.Equal((1, 1), (customer.State.DetractorSignals, customer.State.KnownFirst));
        Assert.Contains(intake.Alerts!.Raised, r => r.Reason == AlertReasons.FeedbackWhileDisrupted);
        Assert.Equal("f1", Assert.Single(intake.Alerts.Evidence.Feedback).Id);
    }

    [Fact]
    public void The_score_joins_the_history_when_it_moves_and_a_quadrant_change_joins_the_timeline()
    {
        var customer = New(revenueLine: 100_000);
        customer.SetProfile(new CustomerProfile { AnnualRevenue = 500_000 }, _now);
        Slot(customer, errors: 0);
        Slots(customer, TimeSpan.FromMinutes(2), errors: 0);
        var healthy = customer.State.ScoreHistory[^1].Score;
        Assert.Equal("model", customer.State.Quadrant);

        var looks = Slots(customer, TimeSpan.FromMinutes(2), errors: 200);

        Assert.True(customer.State.ScoreHistory[^1].Score < healthy);
        Assert.Equal("at-risk", customer.State.Quadrant);
        var moved = Assert.Single(customer.State.Timeline, t => t.Kind == "quadrant" && t.Detail.StartsWith("at-risk", StringComparison.Ordinal));
        Assert.Contains(looks, l => l.TimelineChanged && l.Changed && l.Transitions.All(t => t.Kind != "quadrant"));
        Assert.Equal("at-risk (was model)", moved.Detail);
    }

    [Fact]
    public void Alert_memory_kept_with_the_state_by_an_older_build_moves_to_the_checkpoint()
    {
        var open = OpenDisruptedAlert(Start);
        var state = new CustomerState { AlertHolding = [AlertReasons.Disrupted], OpenAlerts = [open] };
        var checkpoint = new TelemetryCheckpoint();

        var customer = New(state, checkpoint);

        Assert.Equal([AlertReasons.Disrupted], checkpoint.AlertHolding);
        Assert.Equal([open], customer.OpenAlerts);
        Assert.Null(state.AlertHolding);
        Assert.Null(state.OpenAlerts);
        Assert.True(customer.CheckpointDirty);
    }

    [Fact]
    public void A_state_an_older_build_stored_as_messages_is_upgraded_to_records_and_reads_the_same()
    {
        var state = new CustomerState
        {
            LegacyProfile = new CustomerProfile { Name = "Acme", AnnualRevenue = 250_000, AccountManager = "dana" },
            LegacyTimeline = [new TimelineEntry(Start, "disrupted", "checkout", "40 of 400 interactions bad")],
            LegacyFeedback = [new FeedbackItem { Id = "f1", CustomerId = "acme", Timestamp = Start, Kind = "nps", Score = 3, Evidence = [new FeedbackEvidence("checkout", true, false, 0.1, 400, Start)] }],
            LegacyScoreHistory = [new ScorePoint(Start, 61.5)],
        };

        var customer = New(state);
        var document = CustomerViews.Document(customer, Start);

        Assert.Equal(CustomerState.CurrentVersion, state.Version);
        Assert.Null(state.LegacyProfile);
        Assert.Null(state.LegacyTimeline);
        Assert.Null(state.LegacyFeedback);
        Assert.Null(state.LegacyScoreHistory);
        Assert.Equal(("Acme", "dana"), (document.Profile.Name, document.Profile.AccountManager));
        Assert.Equal("disrupted", Assert.Single(document.Timeline).Kind);
        var feedback = Assert.Single(document.RecentFeedback);
        Assert.Equal(("f1", 3.0), (feedback.Id, feedback.Score!.Value));
        Assert.True(Assert.Single(feedback.Evidence).Disrupted);
        Assert.Equal(61.5, Assert.Single(document.ScoreHistory).Score);
    }

    [Fact]
    public void A_retried_flush_of_the_same_sender_is_taken_once_and_the_oldest_senders_are_let_go()
    {
        var checkpoint = new TelemetryCheckpoint();

        Assert.True(checkpoint.TakeBatch("api-1", 7));
        Assert.False(checkpoint.TakeBatch("api-1", 7));
        Assert.False(checkpoint.TakeBatch("api-1", 6));
        Assert.True(checkpoint.TakeBatch("api-1", 8));
        Assert.True(checkpoint.TakeBatch(null, 0)); // a sender without sequences is never deduplicated
        for (var i = 0; i < TelemetryCheckpoint.MaxSenders; i++)
        {
            Assert.True(checkpoint.TakeBatch($"later-{i}", 100 + i));
        }

        Assert.Equal(TelemetryCheckpoint.MaxSenders, checkpoint.Batches.Count);
        Assert.DoesNotContain("api-1", checkpoint.Batches.Keys);
    }
}
