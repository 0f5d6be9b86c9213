using CxLive.Grains.Abstractions.Touchpoints;
using CxLive.Grains.Touchpoints;

namespace CxLive.Grains.Tests.Touchpoints;

/// <summary>A touchpoint's definition is stored in a form of its own; what an older build stored is read until the next write.</summary>
public sealed class TouchpointStateTests
{
    private static readonly TouchpointDefinition Checkout = new() { Name = "Checkout", JourneyStage = "buy", JourneyOrder = 3, Owner = "payments-partner", LatencyThresholdMs = 800, SloTarget = 0.99, Weight = 2 };

    [Fact]
    public void A_definition_set_is_stored_as_a_record_and_read_back_as_the_same_message()
    {
        var state = new TouchpointState { Definition = Checkout };

        Assert.Equal(Checkout, state.Definition);
        Assert.Equal(("Checkout", 0.99), (state.StoredDefinition!.Name, state.StoredDefinition.SloTarget!.Value));
        Assert.Null(state.LegacyDefinition);
    }

    [Fact]
    public void A_definition_an_older_build_stored_is_read_and_moves_to_the_record_on_the_next_set()
    {
        var state = new TouchpointState { LegacyDefinition = Checkout };

        Assert.Equal(Checkout, state.Definition);

        state.Definition = state.Definition! with { Owner = "checkout-team" };

        Assert.Null(state.LegacyDefinition);
        Assert.Equal("checkout-team", state.StoredDefinition!.Owner);
        Assert.Equal(Checkout with { Owner = "checkout-team" }, state.Definition);
    }

    [Fact]
    public void No_definition_reads_as_none()
    {
        Assert.Null(new TouchpointState().Definition);
    }
}
