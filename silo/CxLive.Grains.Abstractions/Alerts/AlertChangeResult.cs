namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// The answer to acknowledge or resolve: the alert after the change; or no alert (unknown id); or the alert as it
/// is with <see cref="Conflict"/> saying why the change is not allowed in its state.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertChangeResult")]
public sealed record AlertChangeResult(
    [property: Id(0)] Alert? Alert,
    [property: Id(1)] string? Conflict);
