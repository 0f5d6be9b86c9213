namespace CxLive.Api.Contracts;

/// <summary>A configured webhook target as it may be shown: its name, where it points (no credentials, no query) and whose alerts it gets.</summary>
public sealed record WebhookTargetView
{
    public required string Name { get; init; }

    /// <summary>Scheme, host, port and path of the URL; user info and query are left out.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The owners whose alerts it receives; empty for a global target that receives every alert.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
}
