namespace CxLive.Grains.Index;

/// <summary>
/// What turns a stored row into a new one (or into nothing): the tags, sorts and counter shares to take away and add.
/// Both stores apply the same change, so they agree on what an upsert means.
/// </summary>
public sealed class IndexChange
{
    private IndexChange(IndexRow? before, IndexRow? after)
    {
        Before = before;
        After = after;
        var oldTags = before?.Tags ?? [];
        var newTags = after?.Tags ?? [];
        RemovedTags = [.. oldTags.Except(newTags, StringComparer.Ordinal)];
        AddedTags = [.. newTags.Distinct(StringComparer.Ordinal).Except(oldTags, StringComparer.Ordinal)];

        var oldSorts = before?.Sorts ?? Empty;
        var newSorts = after?.Sorts ?? Empty;
        RemovedSorts = [.. oldSorts.Keys.Where(key => !newSorts.ContainsKey(key))];
        SetSorts = [.. newSorts.Where(s => !oldSorts.TryGetValue(s.Key, out var was) || !was.Equals(s.Value))];

        var deltas = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in after?.Counters ?? NoCounters)
        {
            deltas[name] = value;
        }

        foreach (var (name, value) in before?.Counters ?? NoCounters)
        {
            deltas[name] = deltas.GetValueOrDefault(name) - value;
        }

        CounterDeltas = deltas.Where(d => d.Value != 0).ToDictionary(StringComparer.Ordinal);
        PayloadChanged = !(before?.Payload ?? []).AsSpan().SequenceEqual(after?.Payload ?? []);
    }

    private static readonly Dictionary<string, double> Empty = [];
    private static readonly Dictionary<string, double> NoCounters = [];

    public IndexRow? Before { get; }

    /// <summary>The row to store; null when the row goes.</summary>
    public IndexRow? After { get; }

    public IReadOnlyList<string> RemovedTags { get; }

    public IReadOnlyList<string> AddedTags { get; }

    /// <summary>Orders the row leaves.</summary>
    public IReadOnlyList<string> RemovedSorts { get; }

    public IReadOnlyList<KeyValuePair<string, double>> SetSorts { get; }

    public IReadOnlyDictionary<string, double> CounterDeltas { get; }

    public bool PayloadChanged { get; }

    /// <summary>True when storing <see cref="After"/> would change nothing.</summary>
    public bool IsEmpty => (Before is null) == (After is null) && !PayloadChanged && RemovedTags.Count == 0 && AddedTags.Count == 0
        && RemovedSorts.Count == 0 && SetSorts.Count == 0 && CounterDeltas.Count == 0;

    public static IndexChange Upsert(IndexRow? stored, IndexRow row) => new(stored, row);

    public static IndexChange Delete(IndexRow? stored) => new(stored, null);
}
