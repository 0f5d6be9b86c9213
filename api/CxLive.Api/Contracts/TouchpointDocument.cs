namespace CxLive.Api.Contracts;

/// <summary>A touchpoint's definition as stored, with its live overview row (GET /api/v1/touchpoints/{id}).</summary>
public sealed record TouchpointDocument
{
    public required string Touchpoint { get; init; }
    public required TouchpointDefinition Definition { get; init; }

    /// <summary>False when the touchpoint was only seen in telemetry and runs on defaults.</summary>
    public bool Defined { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public TouchpointOverview? Overview { get; init; }
}
