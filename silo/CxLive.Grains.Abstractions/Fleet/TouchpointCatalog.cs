using System.Collections.Frozen;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Abstractions.Fleet;

/// <summary>Every touchpoint known (defined, or seen in telemetry) with its definition, at a version.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointCatalog")]
public sealed record TouchpointCatalogSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyDictionary<string, TouchpointDefinition> Touchpoints);

/// <summary>
/// This process's copy of the touchpoint catalog, for judgements on hot paths (thresholds while parsing, SLO targets
/// while evaluating). Refreshed by <see cref="TouchpointCatalogRefresher"/>; unknown touchpoints get the defaults.
/// </summary>
public sealed class TouchpointCatalog
{
    private volatile Snapshot _snapshot = new(-1, FrozenDictionary<string, TouchpointDefinition>.Empty);

    public long Version => _snapshot.Version;

    public double LatencyThresholdMs(ReadOnlySpan<char> touchpoint) =>
        _snapshot.Lookup.TryGetValue(touchpoint, out var definition)
            ? definition.LatencyThresholdMs ?? TouchpointDefinition.DefaultLatencyThresholdMs
            : TouchpointDefinition.DefaultLatencyThresholdMs;

    public TouchpointDefinition? Definition(string touchpoint) =>
        _snapshot.Definitions.TryGetValue(touchpoint, out var definition) ? definition : null;

    public IReadOnlyDictionary<string, TouchpointDefinition> All => _snapshot.Definitions;

    public int Count => _snapshot.Definitions.Count;

    public bool Contains(ReadOnlySpan<char> touchpoint) => _snapshot.Lookup.ContainsKey(touchpoint);

    /// <summary>Takes a newer snapshot; older ones are ignored.</summary>
    public void Update(TouchpointCatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version > _snapshot.Version)
        {
            _snapshot = new Snapshot(snapshot.Version, snapshot.Touchpoints.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    private sealed class Snapshot(long version, FrozenDictionary<string, TouchpointDefinition> definitions)
    {
        public long Version { get; } = version;

        public FrozenDictionary<string, TouchpointDefinition> Definitions { get; } = definitions;

        public FrozenDictionary<string, TouchpointDefinition>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
            definitions.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
