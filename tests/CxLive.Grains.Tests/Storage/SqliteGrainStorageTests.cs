using CxLive.Silo.Storage;
using Orleans.Storage;

namespace CxLive.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests
{
    private static readonly GrainId Acme = GrainId.Create("customer", "acme");

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        var written = new GrainStateBox<TestState> { State = { Name = "acme", Count = 3, Values = [1.5, 2.5] } };

        await storage.WriteStateAsync("profile", Acme, written);
        var read = new GrainStateBox<TestState>();
        await storage.ReadStateAsync("profile", Acme, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("acme", read.State.Name);
        Assert.Equal(3, read.State.Count);
        Assert.Equal([1.5, 2.5], read.State.Values);
    }

    [Fact]
    public async Task An_unreadable_checkpoint_reads_as_empty_and_is_replaced_by_the_next_write_while_other_states_fail()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        await storage.WriteStateAsync("telemetry", Acme, new GrainStateBox<CxLive.Grains.Customers.TelemetryCheckpoint>());
        await storage.WriteStateAsync("profile", Acme, new GrainStateBox<TestState> { State = { Count = 1 } });
        await CorruptAsync(fixture.FilePath);

        var checkpoint = new GrainStateBox<CxLive.Grains.Customers.TelemetryCheckpoint>();
        await storage.ReadStateAsync("telemetry", Acme, checkpoint);
        await storage.WriteStateAsync("telemetry", Acme, checkpoint); // its etag is the stored row's: the write replaces it
        var again = new GrainStateBox<CxLive.Grains.Customers.TelemetryCheckpoint>();
        await storage.ReadStateAsync("telemetry", Acme, again);

        Assert.True(checkpoint.RecordExists);
        Assert.True(again.RecordExists);
        var profile = await Assert.ThrowsAsync<CxLive.Grains.Abstractions.StorageFailedException>(() => storage.ReadStateAsync("profile", Acme, new GrainStateBox<TestState>()));
        Assert.Contains("cannot be read", profile.Message, StringComparison.Ordinal);
    }

    private static async Task CorruptAsync(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE grain_state SET payload = x'DEADBEEF0102030405'";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Reading_what_was_never_written_gives_a_fresh_state_without_etag()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        var read = new GrainStateBox<TestState> { State = { Count = 99 } };

        await storage.ReadStateAsync("profile", Acme, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State.Count);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_keeps_the_stored_state()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        var first = new GrainStateBox<TestState> { State = { Count = 1 } };
        await storage.WriteStateAsync("profile", Acme, first);

        // Two activations read the same version; the first to write wins.
        var a = new GrainStateBox<TestState>();
        var b = new GrainStateBox<TestState>();
        await storage.ReadStateAsync("profile", Acme, a);
        await storage.ReadStateAsync("profile", Acme, b);
        a.State.Count = 2;
        await storage.WriteStateAsync("profile", Acme, a);
        b.State.Count = 3;

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("profile", Acme, b));
        Assert.Equal(a.ETag, conflict.StoredEtag);
        Assert.Equal(first.ETag, conflict.CurrentEtag);

        var stored = new GrainStateBox<TestState>();
        await storage.ReadStateAsync("profile", Acme, stored);
        Assert.Equal(2, stored.State.Count);
    }

    [Fact]
    public async Task Inserting_over_an_existing_record_without_etag_is_a_conflict()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        await storage.WriteStateAsync("profile", Acme, new GrainStateBox<TestState> { State = { Count = 1 } });

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("profile", Acme, new GrainStateBox<TestState> { State = { Count = 2 } }));
    }

    [Fact]
    public async Task Clear_removes_the_record_and_checks_the_etag()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        var state = new GrainStateBox<TestState> { State = { Count = 1 } };
        await storage.WriteStateAsync("profile", Acme, state);
        var stale = new GrainStateBox<TestState> { ETag = state.ETag };
        await storage.WriteStateAsync("profile", Acme, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("profile", Acme, stale));
        await storage.ClearStateAsync("profile", Acme, state);

        Assert.False(state.RecordExists);
        var read = new GrainStateBox<TestState>();
        await storage.ReadStateAsync("profile", Acme, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task State_survives_closing_and_reopening_the_file()
    {
        await using var fixture = new StorageFixture();
        var first = await fixture.OpenAsync();
        var state = new GrainStateBox<TestState> { State = { Name = "kept" } };
        await first.WriteStateAsync("profile", Acme, state);
        await fixture.CloseAsync(first);

        var second = await fixture.OpenAsync();
        var read = new GrainStateBox<TestState>();
        await second.ReadStateAsync("profile", Acme, read);

        Assert.Equal("kept", read.State.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Concurrent_writers_to_many_grains_all_land_through_the_single_lane()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync(new SqliteStorageOptions { MaxWritesPerCommit = 16 });
        var ids = Enumerable.Range(0, 200).Select(i => GrainId.Create("customer", $"c{i}")).ToArray();

        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var state = new GrainStateBox<TestState>();
            for (var round = 1; round <= 5; round++)
            {
                state.State.Count = round * 1000 + i;
                await storage.WriteStateAsync("profile", id, state);
            }
        }));

        for (var i = 0; i < ids.Length; i++)
        {
            var read = new GrainStateBox<TestState>();
            await storage.ReadStateAsync("profile", ids[i], read);
            Assert.Equal(5000 + i, read.State.Count);
            Assert.Equal("5", read.ETag);
        }
    }

    [Fact]
    public async Task State_names_of_one_grain_are_kept_apart()
    {
        await using var fixture = new StorageFixture();
        var storage = await fixture.OpenAsync();
        await storage.WriteStateAsync("profile", Acme, new GrainStateBox<TestState> { State = { Name = "p" } });
        await storage.WriteStateAsync("telemetry", Acme, new GrainStateBox<TestState> { State = { Name = "t" } });

        var profile = new GrainStateBox<TestState>();
        var telemetry = new GrainStateBox<TestState>();
        await storage.ReadStateAsync("profile", Acme, profile);
        await storage.ReadStateAsync("telemetry", Acme, telemetry);

        Assert.Equal("p", profile.State.Name);
        Assert.Equal("t", telemetry.State.Name);
    }
}
