using CxLive.Domain.Alerts;

namespace CxLive.Grains.Abstractions.Alerts;

/// <summary>
/// A customer's alert conditions moved (AlertRules.Compare): what is newly holding, what holds with new evidence, what
/// cleared, with the evidence of the moment and who the customer's alerts go to.
/// </summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertObservation")]
public sealed record AlertObservation
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary>The customer's account manager, else Alerts:DefaultOwner.</summary>
    [Id(1)] public required string Owner { get; init; }
    [Id(2)] public IReadOnlyList<AlertSignal> Raised { get; init; } = [];
    [Id(3)] public IReadOnlyList<AlertSignal> Fresh { get; init; } = [];
    [Id(4)] public IReadOnlyList<string> Cleared { get; init; } = [];
    [Id(5)] public required AlertEvidence Evidence { get; init; }
}

/// <summary>One holding condition on the wire.</summary>
[GenerateSerializer, Immutable, Alias("cxlive.AlertSignal")]
public sealed record AlertSignal(
    [property: Id(0)] string Reason,
    [property: Id(1)] string? Touchpoint,
    [property: Id(2)] string Title)
{
    public static AlertSignal From(AlertCondition condition) => new(condition.Reason, condition.Touchpoint, condition.Title);
}
