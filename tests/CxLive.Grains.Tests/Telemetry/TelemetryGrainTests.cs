using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Fleet;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Tests.Telemetry;

/// <summary>The verdict path through real grains, on the fake grain clock; every test uses its own keys.</summary>
public sealed class TelemetryGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TelemetryOptions Options = new();

    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Three_requests_with_one_failure_leave_a_customer_undisrupted()
    {
        var (customer, touchpoint) = Keys();
        await Send(customer, touchpoint, total: 3, errors: 1);

        var row = await Row(customer, touchpoint);

        Assert.False(row.Disrupted);
        Assert.Equal(3, row.Events);
    }

    [Fact]
    public async Task Four_hundred_requests_with_forty_failures_disrupt_and_the_touchpoint_reports_a_hidden_disruption()
    {
        var (customer, touchpoint) = Keys();
        await Grains.GetGrain<ICustomerGrain>(customer).SetProfile(new CustomerProfile { AnnualRevenue = 250_000 });
        await Send(customer, touchpoint, total: 400, errors: 40);
        await Grains.GetGrain<ITouchpointGrain>(touchpoint).IngestKpi([Kpi(total: 400_000, errors: 40)]);

        var document = (await Grains.GetGrain<ICustomerGrain>(customer).GetDocument())!;
        var overview = await Grains.GetGrain<ITouchpointGrain>(touchpoint).GetOverviewRow();

        var row = Assert.Single(document.Touchpoints);
        Assert.True(row.Disrupted);
        Assert.Equal(fixture.Clock.GetUtcNow(), row.DisruptedSince);
        Assert.Contains(document.Timeline, e => e.Kind == "disrupted" && e.Touchpoint == touchpoint);
        Assert.True(overview.Internal.Healthy);
        Assert.Equal(new CustomerImpact(1, 1, 250_000) { RevenueActive = 250_000 }, overview.Customers);
        Assert.True(overview.HiddenDisruption);
    }

    [Fact]
    public async Task A_disruption_recovers_with_hysteresis_and_the_timeline_says_so()
    {
        var (customer, touchpoint) = Keys();
        await Send(customer, touchpoint, total: 400, errors: 40);
        fixture.Clock.Advance(TimeSpan.FromSeconds(Options.ShortWindowSeconds + Options.SlotSeconds));

        await Send(customer, touchpoint, total: 40, errors: 0);
        Assert.True((await Row(customer, touchpoint)).Disrupted);

        await Send(customer, touchpoint, total: 400, errors: 0);
        var document = (await Grains.GetGrain<ICustomerGrain>(customer).GetDocument())!;
        Assert.False(document.Touchpoints.Single().Disrupted);
        Assert.Equal(["recovered", "disrupted"], document.Timeline.Where(e => e.Touchpoint == touchpoint).Select(e => e.Kind));
    }

    [Fact]
    public async Task The_directory_lists_disrupted_customers_and_the_touchpoint_forgets_recovered_ones()
    {
        var (customer, touchpoint) = Keys();
        await Grains.GetGrain<ICustomerGrain>(customer).SetProfile(new CustomerProfile { AnnualRevenue = 10, AccountManager = "am-" + customer });
        await Send(customer, touchpoint, total: 100, errors: 60);

        // The index row is written behind the ingest call (a look never waits on storage): it lands a moment later.
        var query = new CustomerQuery { Disrupted = true, AccountManager = "am-" + customer };
        var listed = await Eventually.Until(() => Grains.CustomerDirectory().Query(query), l => l.Items.Count == 1, TimeSpan.FromSeconds(10), "the disrupted customer listed");
        var summary = Assert.Single(listed.Items);
        Assert.Equal([touchpoint], summary.DisruptedTouchpoints);

        fixture.Clock.Advance(TimeSpan.FromSeconds(Options.ShortWindowSeconds + Options.SlotSeconds));
        await Send(customer, touchpoint, total: 500, errors: 0);
        var row = await Grains.GetGrain<ITouchpointGrain>(touchpoint).GetOverviewRow();
        Assert.Equal(new CustomerImpact(1, 0, 0) { RevenueActive = 10 }, row.Customers);
        await Eventually.Until(() => Grains.CustomerDirectory().Query(query), l => l.Items.Count == 0, TimeSpan.FromSeconds(10), "the recovered customer no longer listed as disrupted");
    }

    [Fact]
    public async Task Telemetry_survives_a_restart()
    {
        var (customer, touchpoint) = Keys();
        await Send(customer, touchpoint, total: 400, errors: 40);

        // Written by the checkpoint timer or at deactivation (a graceful stop); a restart reads them back.
        fixture.Clock.Advance(TimeSpan.FromSeconds(Options.CheckpointSeconds + Options.SlotSeconds));
        await fixture.RestartAsync();
        var row = await Row(customer, touchpoint);

        Assert.Equal(400, row.Events);
        Assert.True(row.Disrupted);
    }

    [Fact]
    public async Task A_retried_flush_counts_once_also_after_a_restart_and_a_newer_one_counts()
    {
        var (customer, touchpoint) = Keys();
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        var slot = Options.SlotIndexOf(fixture.Clock.GetUtcNow());
        CustomerTelemetry Flush(long sequence, int total) =>
            new([new TouchpointTelemetry(touchpoint, [new SlotCounts(slot, total, 0, 0)], 100)], fixture.Clock.GetUtcNow()) { Sender = "api-a", Sequence = sequence };

        await grain.Ingest(Flush(sequence: 10, total: 7));
        await grain.Ingest(Flush(sequence: 10, total: 7)); // the call timed out at the api, which sent it again
        await grain.Ingest(Flush(sequence: 9, total: 100)); // older than what was applied: a late duplicate
        Assert.Equal(7, (await Row(customer, touchpoint)).Events);

        await fixture.RestartAsync(); // deactivation checkpoints the counts and the sequence together
        grain = fixture.Cluster.GrainFactory.GetGrain<ICustomerGrain>(customer);
        await grain.Ingest(Flush(sequence: 10, total: 7));
        await grain.Ingest(Flush(sequence: 11, total: 5));
        await grain.Ingest(new CustomerTelemetry([new TouchpointTelemetry(touchpoint, [new SlotCounts(slot, 1, 0, 0)], 100)], fixture.Clock.GetUtcNow()));

        Assert.Equal(13, (await Row(customer, touchpoint)).Events);
    }

    private static (string Customer, string Touchpoint) Keys()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return ("customer-" + suffix, "touchpoint-" + suffix);
    }

    private Task Send(string customer, string touchpoint, int total, int errors)
    {
        var slot = Options.SlotIndexOf(fixture.Clock.GetUtcNow());
        return Grains.GetGrain<ICustomerGrain>(customer).Ingest(new CustomerTelemetry(
            [new TouchpointTelemetry(touchpoint, [new SlotCounts(slot, total, errors, 0)], 100)], fixture.Clock.GetUtcNow()));
    }

    private KpiSlot Kpi(long total, long errors) =>
        new(Options.SlotIndexOf(fixture.Clock.GetUtcNow()), total, errors, 0, 0, [], 0);

    private async Task<TouchpointRow> Row(string customer, string touchpoint)
    {
        var document = await Grains.GetGrain<ICustomerGrain>(customer).GetDocument();
        return Assert.Single(document!.Touchpoints, r => r.Touchpoint == touchpoint);
    }
}
