using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>What a touchpoint grain persists. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.TouchpointState")]
public sealed class TouchpointState
{
    [Id(0)] public TouchpointDefinition? Definition { get; set; }
    [Id(1)] public DateTimeOffset? UpdatedAt { get; set; }
}
