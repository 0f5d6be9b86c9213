using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Alerts;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Feedback;
using CxLive.Grains.Abstractions.Telemetry;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>Drives one test's customers through real grains on the fixture's fake clock.</summary>
internal sealed class AlertScenario(ClusterFixture fixture)
{
    public static readonly TelemetryOptions Telemetry = new();
    public static readonly AlertOptions Options = new();
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public IGrainFactory Grains => fixture.Cluster.GrainFactory;

    public string Id(string name) => $"{name}-{_suffix}";

    public Task Profile(string customer, double revenue, string? accountManager = null) =>
        Grains.GetGrain<ICustomerGrain>(customer).SetProfile(new CustomerProfile { AnnualRevenue = revenue, AccountManager = accountManager });

    /// <summary>One slot of 400 interactions, <paramref name="errors"/> of them failed (40 = 10%: disrupted).</summary>
    public Task Send(string customer, string touchpoint, int errors = 40)
    {
        var now = fixture.Clock.GetUtcNow();
        return Grains.GetGrain<ICustomerGrain>(customer).Ingest(new CustomerTelemetry(
            [new TouchpointTelemetry(touchpoint, [new SlotCounts(Telemetry.SlotIndexOf(now), 400, errors, 0)], 100)], now));
    }

    /// <summary>Keeps the customer's traffic going, a slot at a time, for <paramref name="span"/> of grain time.</summary>
    public async Task KeepSending(string customer, string touchpoint, TimeSpan span, int errors = 40)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromSeconds(Telemetry.SlotSeconds))
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(Telemetry.SlotSeconds));
            await Send(customer, touchpoint, errors);
        }
    }

    /// <summary>Good traffic after the short window has passed: the disruption recovers.</summary>
    public async Task Recover(string customer, string touchpoint)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(Telemetry.ShortWindowSeconds + Telemetry.SlotSeconds));
        await Send(customer, touchpoint, errors: 0);
    }

    public Task AddFeedback(string customer, string kind, double? score, string? touchpoint) =>
        Grains.GetGrain<ICustomerGrain>(customer).AddFeedback([new FeedbackItem
        {
            Id = Guid.NewGuid().ToString("N"),
            CustomerId = customer,
            Touchpoint = touchpoint,
            Timestamp = fixture.Clock.GetUtcNow(),
            Kind = kind,
            Score = score,
            Comment = "it failed again",
        }]);

    public async Task<IReadOnlyList<Alert>> Alerts(string customer) => await Grains.GetGrain<ICustomerAlertsGrain>(customer).List();

    /// <summary>Waits for the customer's alerts to meet a condition (a timer tick may get there a moment after the call).</summary>
    public Task<IReadOnlyList<Alert>> AlertsUntil(string customer, Func<IReadOnlyList<Alert>, bool> condition, string expected) =>
        Eventually.Until(() => Alerts(customer), condition, Deadline, expected);

    public async Task<Alert> SingleAlertUntil(string customer, string reason) =>
        (await AlertsUntil(customer, a => a.Any(x => x.Reason == reason), $"a {reason} alert for {customer}")).Single(a => a.Reason == reason);

    /// <summary>A customer above the floor, disrupted on <paramref name="touchpoint"/> until its alert is raised.</summary>
    public async Task<Alert> RaiseDisrupted(string customer, string touchpoint, string? accountManager)
    {
        await Profile(customer, 250_000, accountManager);
        await Send(customer, touchpoint);
        await KeepSending(customer, touchpoint, Options.DisruptedGrace + TimeSpan.FromSeconds(Telemetry.SlotSeconds));
        return await SingleAlertUntil(customer, AlertReasons.Disrupted);
    }
}
