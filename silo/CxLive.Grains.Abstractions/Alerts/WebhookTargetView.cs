namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>A configured webhook target as it may be shown: its name, where it points (no credentials, no query) and whose alerts it gets.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.WebhookTargetView")]
public sealed record WebhookTargetView
{
    [Id(0)] public required string Name { get; init; }

    /// <summary>Scheme, host, port and path of the URL; user info and query are left out.</summary>
    [Id(1)] public required string Endpoint { get; init; }

    /// <summary>The owners whose alerts it receives; empty for a global target that receives every alert.</summary>
    [Id(2)] public IReadOnlyList<string> Owners { get; init; } = [];
}
