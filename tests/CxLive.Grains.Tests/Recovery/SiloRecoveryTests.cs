using CxLive.Api.Tests.Infrastructure;
using CxLive.Domain.Telemetry;
using CxLive.Grains.Abstractions.Customers;
using CxLive.Grains.Abstractions.Telemetry;
using CxLive.Grains.Fleet;
using CxLive.Grains.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CxLive.Grains.Tests.Recovery;

/// <summary>The customers the index places on a silo that is gone are woken and move their rows to a living silo.</summary>
public sealed class SiloRecoveryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IServiceProvider Silo => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;

    [Fact]
    public async Task Live_customers_of_a_dead_silo_are_woken_and_move_to_this_one()
    {
        var customers = Silo.GetRequiredService<CustomerIndex>();
        var here = Silo.GetRequiredService<LocalSilo>().Key;
        var gone = "S10.255.255.1:11111:1"; // an address no member of this cluster has
        var options = new TelemetryOptions();
        var ids = Enumerable.Range(0, 5).Select(i => $"moved-{Guid.NewGuid():N}"[..20] + i).ToList();
        foreach (var id in ids)
        {
            var slot = options.SlotIndexOf(fixture.Clock.GetUtcNow());
            await fixture.Cluster.GrainFactory.GetGrain<ICustomerGrain>(id).Ingest(new CustomerTelemetry(
                [new TouchpointTelemetry("checkout", [new SlotCounts(slot, 50, 0, 0)], 80)], fixture.Clock.GetUtcNow()));
            var listed = await Eventually.Until(
                () => fixture.Cluster.GrainFactory.GetGrain<Abstractions.Fleet.ICustomerDirectoryGrain>(0).Query(new Abstractions.Fleet.CustomerQuery { Limit = 5000 }),
                l => l.Items.Any(s => s.CustomerId == id && s.Active), TimeSpan.FromSeconds(10), $"{id} listed as active");
            var summary = listed.Items.Single(s => s.CustomerId == id);

            // As the index would read had the customer last been judged on a silo that then died.
            await customers.Write(customers.Row(new CustomerIndexEntry(summary, [new TouchpointPresence("checkout", true, false)], gone)));
        }

        Assert.Contains(gone, await customers.SilosWithLiveCustomers());
        await Silo.GetRequiredService<SiloRecovery>().SweepAsync(CancellationToken.None);

        Assert.DoesNotContain(gone, await customers.SilosWithLiveCustomers());
        var onThisSilo = await customers.LiveOn(here, 5000);
        Assert.All(ids, id => Assert.Contains(id, onThisSilo));
    }
}
