namespace CxLive.Grains.Index;

/// <summary>Counter names of a group: <c>group|name</c> adds to the group's totals, not the index's (<see cref="IndexRow.Counters"/>).</summary>
public static class CounterGroups
{
    public const char Separator = '|';

    public static string Name(string group, string name) => string.Concat(group, "|", name);

    /// <summary>The group and the name within it; a name without a group has a null group.</summary>
    public static (string? Group, string Name) Split(string counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var at = counter.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (null, counter) : (counter[..at], counter[(at + 1)..]);
    }
}
