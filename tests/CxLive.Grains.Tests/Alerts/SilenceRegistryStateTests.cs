using CxLive.Grains.Abstractions.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Tests.Alerts;

/// <summary>Silences are stored in a form of their own; what an older build stored is read once.</summary>
public sealed class SilenceRegistryStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static Silence Silence(string id) => new() { Id = id, CustomerId = "acme", StartsAt = Start, EndsAt = Start.AddHours(1), CreatedBy = "dana", Comment = "maintenance" };

    [Fact]
    public void Silences_kept_as_records_read_back_as_the_same_messages()
    {
        var state = new SilenceRegistryState();

        state.Keep([Silence("silence-1")]);

        Assert.Equal("silence-1", Assert.Single(state.Records).Id);
        Assert.Equal([Silence("silence-1")], state.TakeSilences());
    }

    [Fact]
    public void Silences_an_older_build_stored_are_read_once_beside_the_records()
    {
        var state = new SilenceRegistryState { Silences = [Silence("old")] };
        state.Records.Add(new SilenceRecord { Id = "new", StartsAt = Start, EndsAt = Start.AddHours(1), CreatedBy = "dana" });

        var read = state.TakeSilences();
        state.Keep(read);

        Assert.Equal(["old", "new"], read.Select(s => s.Id));
        Assert.Null(state.Silences);
        Assert.Equal(["old", "new"], state.Records.Select(r => r.Id));
    }
}
