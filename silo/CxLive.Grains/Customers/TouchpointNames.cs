using System.Collections.Concurrent;

namespace CxLive.Grains.Customers;

/// <summary>
/// One string per touchpoint name across all customer grains of this silo: each message brings its own copy, and
/// 10,000 customers x 10 touchpoints would otherwise keep 100,000 copies of a few names. Bounded, so odd senders
/// inventing names cannot grow it without limit.
/// </summary>
internal static class TouchpointNames
{
    private const int MaxNames = 10_000;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static string Shared(string name) =>
        Names.TryGetValue(name, out var shared) ? shared : Names.Count < MaxNames ? Names.GetOrAdd(name, name) : name;
}
