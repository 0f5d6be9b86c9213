using CxLive.Grains.Abstractions.Customers;

namespace CxLive.Grains.Tests.Customers;

public sealed class CustomerGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_customer_never_seen_has_no_document()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<ICustomerGrain>("never-" + Guid.NewGuid().ToString("N"));

        Assert.Null(await grain.GetDocument());
    }

    [Fact]
    public async Task A_profile_is_stored_with_the_grain_clock_and_survives_a_restart()
    {
        var id = "acme-" + Guid.NewGuid().ToString("N");
        var profile = new CustomerProfile { Name = "Acme", AnnualRevenue = 120_000, AccountManager = "dana", Tags = ["enterprise"] };
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var expectedAt = fixture.Clock.GetUtcNow();

        var written = await fixture.Cluster.GrainFactory.GetGrain<ICustomerGrain>(id).SetProfile(profile);
        await fixture.RestartAsync();
        var read = await fixture.Cluster.GrainFactory.GetGrain<ICustomerGrain>(id).GetDocument();

        Assert.Equal(expectedAt, written.ProfileUpdatedAt);
        Assert.NotNull(read);
        Assert.Equal(id, read.CustomerId);
        Assert.Equal("Acme", read.Profile.Name);
        Assert.Equal(120_000, read.Profile.AnnualRevenue);
        Assert.Equal(["enterprise"], read.Profile.Tags!);
        Assert.Equal(expectedAt, read.ProfileUpdatedAt);
    }
}
