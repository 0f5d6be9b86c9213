using CsCheck;
using CxLive.Grains.Index;

namespace CxLive.Grains.Tests.Index;

/// <summary>
/// What every fleet index store must do, run against each store (SQLite, Redis): rows, tag filters, orders, pages,
/// counters that always equal the sum over the rows, ranks, and tag listing. Each test uses an index of its own.
/// </summary>
public abstract class FleetIndexContract
{
    protected abstract IFleetIndex Index { get; }

    private static string NewIndex() => "test-" + Guid.NewGuid().ToString("N")[..12];

    private static IndexRow Row(string id, string[]? tags = null, (string Key, double Number)[]? sorts = null, (string Name, double Value)[]? counters = null, byte payload = 0) => new()
    {
        Id = id,
        Payload = [payload],
        Tags = tags ?? [],
        Sorts = (sorts ?? []).ToDictionary(s => s.Key, s => s.Number),
        Counters = (counters ?? []).ToDictionary(c => c.Name, c => c.Value),
    };

    [Fact]
    public async Task A_row_is_read_back_and_an_update_moves_the_counters_by_the_difference()
    {
        var index = NewIndex();
        await Index.Upsert(index, Row("a", ["q:model"], [("revenue", 100)], [("known", 1), ("revenue", 100)], payload: 7));
        await Index.Upsert(index, Row("b", ["q:at-risk"], [("revenue", 50)], [("known", 1), ("revenue", 50)]));

        var read = await Index.Read(index, "a");
        Assert.NotNull(read);
        Assert.Equal([7], read.Payload);
        Assert.Equal(["q:model"], read.Tags);
        Assert.Equal(new Dictionary<string, double> { ["known"] = 2, ["revenue"] = 150 }, NonZero(await Index.Counters(index)));

        await Index.Upsert(index, Row("a", ["q:at-risk"], [("revenue", 120)], [("known", 1), ("revenue", 120)], payload: 8));
        Assert.Equal(new Dictionary<string, double> { ["known"] = 2, ["revenue"] = 170 }, NonZero(await Index.Counters(index)));
        var atRisk = await Index.Query(index, new IndexQuery { Tags = ["q:at-risk"], Sort = "revenue", Descending = true });
        Assert.Equal(["a", "b"], atRisk.Rows.Select(r => r.Id));
        Assert.Equal(2, atRisk.Total);
        Assert.Empty((await Index.Query(index, new IndexQuery { Tags = ["q:model"], Sort = "revenue" })).Rows);
    }

    [Fact]
    public async Task AnyTags_match_rows_with_at_least_one_of_them_and_combine_with_Tags()
    {
        var index = NewIndex();
        await Index.Upsert(index, Row("a", ["am:dana", "q:model"], [("id", 0)]));
        await Index.Upsert(index, Row("b", ["am:priya", "q:model"], [("id", 0)]));
        await Index.Upsert(index, Row("c", ["am:lee", "q:at-risk"], [("id", 0)]));
        await Index.Upsert(index, Row("d", ["am:dana", "q:at-risk"], [("id", 0)]));

        var book = await Index.Query(index, new IndexQuery { AnyTags = ["am:dana", "am:priya"], Sort = "id" });
        var bookModels = await Index.Query(index, new IndexQuery { Tags = ["q:model"], AnyTags = ["am:dana", "am:lee"], Sort = "id" });
        var nobody = await Index.Query(index, new IndexQuery { AnyTags = ["am:nobody"], Sort = "id" });

        Assert.Equal(["a", "b", "d"], book.Rows.Select(r => r.Id));
        Assert.Equal(3, book.Total);
        Assert.Equal(["a"], bookModels.Rows.Select(r => r.Id));
        Assert.Equal(1, bookModels.Total);
        Assert.Equal(0, nobody.Total);
    }

    [Fact]
    public async Task Existing_names_the_ids_that_have_a_row_among_many()
    {
        var index = NewIndex();
        var written = Enumerable.Range(0, 1200).Where(i => i % 3 == 0).Select(i => $"c{i}").ToList();
        foreach (var id in written)
        {
            await Index.Upsert(index, Row(id));
        }

        await Index.Delete(index, "c0");
        var asked = Enumerable.Range(0, 1200).Select(i => $"c{i}").Append("never").ToList();

        var existing = await Index.Existing(index, asked);

        Assert.Equal(written.Skip(1).Order(StringComparer.Ordinal), existing.Order(StringComparer.Ordinal));
        Assert.Empty(await Index.Existing(index, []));
    }

    [Fact]
    public async Task Grouped_counters_add_up_per_group_apart_from_the_index_s_own()
    {
        var index = NewIndex();
        await Index.Upsert(index, Row("a", counters: [("known", 1), ("am:dana|known", 1), ("am:dana|revenue", 100)]));
        await Index.Upsert(index, Row("b", counters: [("known", 1), ("am:priya|known", 1), ("am:priya|revenue", 40)]));
        await Index.Upsert(index, Row("c", counters: [("known", 1), ("am:dana|known", 1), ("am:dana|revenue", 10)]));

        // a moves to priya's book; c leaves the index.
        await Index.Upsert(index, Row("a", counters: [("known", 1), ("am:priya|known", 1), ("am:priya|revenue", 100)]));
        await Index.Delete(index, "c");

        Assert.Equal(new Dictionary<string, double> { ["known"] = 2 }, NonZero(await Index.Counters(index)));
        Assert.Empty(NonZero(await Index.Counters(index, "am:dana")));
        Assert.Equal(new Dictionary<string, double> { ["known"] = 2, ["revenue"] = 140 }, NonZero(await Index.Counters(index, "am:priya")));
    }

    [Fact]
    public async Task A_deleted_row_leaves_no_tag_sort_or_counter_share_behind()
    {
        var index = NewIndex();
        await Index.Upsert(index, Row("a", ["silo:one"], [("id", 0)], [("known", 1)]));
        await Index.Upsert(index, Row("b", ["silo:one"], [("id", 0)], [("known", 1)]));
        await Index.Delete(index, "a");
        await Index.Delete(index, "never-written");

        Assert.Null(await Index.Read(index, "a"));
        Assert.Equal(1, (await Index.Counters(index))["known"]);
        var page = await Index.Query(index, new IndexQuery { Tags = ["silo:one"], Sort = "id" });
        Assert.Equal(["b"], page.Rows.Select(r => r.Id));
        Assert.Equal(1, await Index.Count(index, "id"));
    }

    [Fact]
    public async Task Orders_break_ties_by_id_and_descending_reverses_both()
    {
        var index = NewIndex();
        await Index.Upsert(index, Row("c", sorts: [("s", 2)]));
        await Index.Upsert(index, Row("a", sorts: [("s", 2)]));
        await Index.Upsert(index, Row("b", sorts: [("s", 1.5)]));
        await Index.Upsert(index, Row("d", sorts: [("s", -1)]));

        Assert.Equal(["d", "b", "a", "c"], (await Index.Query(index, new IndexQuery { Sort = "s" })).Rows.Select(r => r.Id));
        Assert.Equal(["c", "a", "b", "d"], (await Index.Query(index, new IndexQuery { Sort = "s", Descending = true })).Rows.Select(r => r.Id));
        var page = await Index.Query(index, new IndexQuery { Sort = "s", Offset = 1, Limit = 2 });
        Assert.Equal(["b", "a"], page.Rows.Select(r => r.Id));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task Ranks_give_the_median_and_tags_are_listed_by_prefix()
    {
        var index = NewIndex();
        foreach (var (id, revenue) in new[] { ("a", 10.0), ("b", 40.0), ("c", 20.0), ("d", 30.0), ("e", 50.0) })
        {
            await Index.Upsert(index, Row(id, [$"silo:{id[0] % 2}", "other"], [("revenue", revenue)]));
        }

        Assert.Equal(5, await Index.Count(index, "revenue"));
        Assert.Equal(30, await Index.ValueAt(index, "revenue", 2));
        Assert.Null(await Index.ValueAt(index, "revenue", 5));
        Assert.Equal(["silo:0", "silo:1"], (await Index.TagsStartingWith(index, "silo:")).Order(StringComparer.Ordinal));

        foreach (var id in new[] { "b", "d" })
        {
            await Index.Upsert(index, Row(id, ["other"], [("revenue", 1)]));
        }

        Assert.Equal(["silo:1"], await Index.TagsStartingWith(index, "silo:"));
    }

    [Fact]
    public async Task An_identical_upsert_changes_nothing()
    {
        var index = NewIndex();
        var row = Row("a", ["t"], [("s", 1)], [("n", 1)]);
        await Index.Upsert(index, row);
        await Index.Upsert(index, row with { });
        Assert.Equal(1, (await Index.Counters(index))["n"]);
        Assert.Equal(1, (await Index.Query(index, new IndexQuery { Tags = ["t"], Sort = "s" })).Total);
    }

    /// <summary>Random writes and deletes, then every answer compared with a plain in-memory model of the rows.</summary>
    [Fact]
    public Task Random_writes_answer_like_a_model_of_the_rows() =>
        Operations.SampleAsync(
            async operations =>
            {
                var index = NewIndex();
                var model = new Dictionary<string, IndexRow>(StringComparer.Ordinal);
                foreach (var (id, row) in operations)
                {
                    if (row is null)
                    {
                        await Index.Delete(index, id);
                        model.Remove(id);
                    }
                    else
                    {
                        await Index.Upsert(index, row);
                        model[id] = row;
                    }
                }

                var expectedCounters = model.Values.SelectMany(r => r.Counters).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
                var counters = await Index.Counters(index);
                foreach (var name in expectedCounters.Keys.Union(counters.Keys))
                {
                    Assert.Equal(expectedCounters.GetValueOrDefault(name), counters.GetValueOrDefault(name), 6);
                }

                foreach (var query in Queries)
                {
                    var expected = Expected(model.Values, query);
                    var page = await Index.Query(index, query);
                    Assert.Equal(expected.Ids, page.Rows.Select(r => r.Id));
                    Assert.Equal(expected.Total, page.Total);
                }
            },
            iter: 25,
            threads: 1);

    private static readonly string[] TagPool = ["t0", "t1", "t2"];
    private static readonly string[] SortPool = ["s0", "s1"];

    private static readonly Gen<IndexRow> Rows =
        Gen.Select(
            Gen.Int[0, 7],
            Gen.Int[0, 7].Select(mask => TagPool.Where((_, i) => (mask & (1 << i)) != 0).ToArray()),
            Gen.Int[0, 3],
            Gen.Int[-3, 3],
            Gen.Int[0, 2],
            Gen.Int[0, 5],
            (id, tags, sortMask, number, text, counter) => Row(
                $"r{id}",
                tags,
                [.. SortPool.Where((_, i) => (sortMask & (1 << i)) != 0).Select(s => (s, number + (text * 0.25)))],
                [("n", 1), ("v", counter * 0.5)]));

    private static readonly Gen<(string Id, IndexRow? Row)[]> Operations =
        Gen.Frequency((4, Rows.Select(r => (r.Id, (IndexRow?)r))), (1, Gen.Int[0, 7].Select(i => ($"r{i}", (IndexRow?)null)))).Array[0, 30];

    private static readonly IndexQuery[] Queries =
    [
        .. from sort in SortPool
           from tags in new string[][] { [], ["t0"], ["t1", "t2"] }
           from reversed in new[] { false, true }
           from page in new[] { (Offset: 0, Limit: 100), (Offset: 1, Limit: 2) }
           select new IndexQuery { Sort = sort, Tags = tags, Descending = reversed, Offset = page.Offset, Limit = page.Limit },
    ];

    private static (string[] Ids, long Total) Expected(IEnumerable<IndexRow> rows, IndexQuery query)
    {
        var matches = rows.Where(r => query.Tags.All(r.Tags.Contains) && r.Sorts.ContainsKey(query.Sort)).ToList();
        var ordered = matches
            .OrderBy(r => r.Sorts[query.Sort])
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (query.Descending)
        {
            ordered.Reverse();
        }

        return ([.. ordered.Skip(query.Offset).Take(query.Limit).Select(r => r.Id)], matches.Count);
    }

    private static Dictionary<string, double> NonZero(IReadOnlyDictionary<string, double> counters) =>
        counters.Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value);
}
