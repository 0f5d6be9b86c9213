using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// What a touchpoint grain persists; the definition in a stored form of its own (<see cref="TouchpointDefinitionRecord"/>).
/// Never renumber an [Id].
/// </summary>
[GenerateSerializer, Alias("cxlive.TouchpointState")]
public sealed class TouchpointState
{
    /// <summary>Written by builds before the stored form (the message itself): read by <see cref="Definition"/> until the next write.</summary>
    [Id(0)] public TouchpointDefinition? LegacyDefinition { get; set; }
    [Id(1)] public DateTimeOffset? UpdatedAt { get; set; }

    [Id(4)] public TouchpointDefinitionRecord? StoredDefinition { get; set; }

    /// <summary>The definition as a message (null when none); setting it stores it in its own form.</summary>
    public TouchpointDefinition? Definition
    {
        get => StoredDefinition?.ToMessage() ?? LegacyDefinition;
        set => (StoredDefinition, LegacyDefinition) = (value?.ToRecord(), null);
    }

    /// <summary>True once someone PUT a definition; false while it runs on defaults after being seen in telemetry.</summary>
    [Id(2)] public bool Defined { get; set; }

    /// <summary>What customers said about this touchpoint, as decaying sums (no items, no verbatims).</summary>
    /// <summary>JSON of <see cref="DecayingPerceptionState"/>: a Domain type, kept out of the Orleans serializer.</summary>
    [Id(3)] public string? Perception { get; set; }
}

/// <summary>
/// A touchpoint's internal-KPI window (its slots with their sketches), written every Telemetry:CheckpointSeconds while
/// it changed and on deactivation: a crash loses at most that window of the KPI. Never renumber an [Id].
/// </summary>
[GenerateSerializer, Alias("cxlive.TouchpointKpiCheckpoint")]
public sealed class TouchpointKpiCheckpoint
{
    [Id(0)] public Abstractions.Telemetry.KpiSlot[] Slots { get; set; } = [];
}
