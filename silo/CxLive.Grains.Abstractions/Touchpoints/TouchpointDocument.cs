namespace CxLive.Grains.Abstractions.Touchpoints;

/// <summary>A touchpoint's definition as stored, with when it was last changed.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointDocument")]
public sealed record TouchpointDocument
{
    [Id(0)] public required string Touchpoint { get; init; }
    [Id(1)] public required TouchpointDefinition Definition { get; init; }
    [Id(2)] public bool Defined { get; init; }
    [Id(3)] public DateTimeOffset? UpdatedAt { get; init; }
}
