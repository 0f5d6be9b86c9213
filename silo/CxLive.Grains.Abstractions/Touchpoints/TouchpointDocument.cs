using CxLive.Grains.Abstractions.Fleet;

namespace CxLive.Grains.Abstractions.Touchpoints;

/// <summary>A touchpoint's definition as stored, with its live overview row (GET /api/v1/touchpoints/{id}).</summary>
[GenerateSerializer, Immutable, Alias("cxlive.TouchpointDocument")]
public sealed record TouchpointDocument
{
    [Id(0)] public required string Touchpoint { get; init; }
    [Id(1)] public required TouchpointDefinition Definition { get; init; }

    /// <summary>False when the touchpoint was only seen in telemetry and runs on defaults.</summary>
    [Id(2)] public bool Defined { get; init; }
    [Id(3)] public DateTimeOffset? UpdatedAt { get; init; }
    [Id(4)] public TouchpointOverview? Overview { get; init; }
}
