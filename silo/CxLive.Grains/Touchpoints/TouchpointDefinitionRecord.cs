using CxLive.Grains.Abstractions.Touchpoints;
using Riok.Mapperly.Abstractions;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// A touchpoint's definition as its grain stores it (<see cref="TouchpointState"/>), named by an alias of its own: the
/// definition message (the PUT body, the document, the catalog) can change without touching what is stored. Never
/// renumber an [Id].
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointDefinitionRecord")]
public sealed record TouchpointDefinitionRecord
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? JourneyStage { get; init; }
    [Id(2)] public int? JourneyOrder { get; init; }
    [Id(3)] public string? Owner { get; init; }
    [Id(4)] public double? LatencyThresholdMs { get; init; }
    [Id(5)] public double? SloTarget { get; init; }
    [Id(6)] public double? Weight { get; init; }
}

/// <summary>Between the stored form and the message, generated at compile time (Mapperly), every member required both ways.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both)]
internal static partial class TouchpointRecords
{
    public static partial TouchpointDefinitionRecord ToRecord(this TouchpointDefinition definition);

    public static partial TouchpointDefinition ToMessage(this TouchpointDefinitionRecord definition);
}
