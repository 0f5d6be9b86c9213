namespace CxLive.Grains.Index;

/// <summary>
/// Storage that answers fleet-wide questions (ARCHITECTURE.md: no grain holds or rewrites something proportional to
/// the fleet). Grains write their own rows; lists, counts and medians are read from storage. Implemented over the
/// hosting mode's store (SQLite embedded, Redis in a cluster). Every write is atomic: a row, its tags, its sorts and
/// its share of the counters change together or not at all, so the counters always equal the sum over the rows.
/// </summary>
public interface IFleetIndex
{
    /// <summary>Replaces the row with <paramref name="row"/>'s id; a row equal to the stored one writes nothing.</summary>
    Task Upsert(string index, IndexRow row);

    /// <summary>Removes a row (its tags, sorts and share of the counters); absent rows are no error.</summary>
    Task Delete(string index, string id);

    Task<IndexRow?> Read(string index, string id);

    /// <summary>Which of <paramref name="ids"/> have a row (without reading the rows).</summary>
    Task<IReadOnlyList<string>> Existing(string index, IReadOnlyList<string> ids);

    Task<IndexPage> Query(string index, IndexQuery query);

    /// <summary>The sums of every counter without a group over all rows.</summary>
    Task<IReadOnlyDictionary<string, double>> Counters(string index);

    /// <summary>The sums of the counters of <paramref name="group"/> (named without the group) over all rows.</summary>
    Task<IReadOnlyDictionary<string, double>> Counters(string index, string group);

    /// <summary>How many rows have sort <paramref name="sort"/>.</summary>
    Task<long> Count(string index, string sort);

    /// <summary>The value at 0-based <paramref name="rank"/> of sort <paramref name="sort"/> (ascending), or null past the end.</summary>
    Task<double?> ValueAt(string index, string sort, long rank);

    /// <summary>The tags in use that start with <paramref name="prefix"/> (for sweeps such as "rows of a silo that died").</summary>
    Task<IReadOnlyList<string>> TagsStartingWith(string index, string prefix);
}
