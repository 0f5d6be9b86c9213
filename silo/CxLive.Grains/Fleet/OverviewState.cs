using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Fleet;

/// <summary>The catalog of touchpoints the overview persists. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.OverviewState")]
public sealed class OverviewState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public Dictionary<string, TouchpointDefinition> Touchpoints { get; set; } = new(StringComparer.Ordinal);
}
