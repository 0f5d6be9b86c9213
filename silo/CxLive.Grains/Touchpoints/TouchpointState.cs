using CxLive.Domain.Scoring;
using CxLive.Grains.Abstractions.Touchpoints;

namespace CxLive.Grains.Touchpoints;

/// <summary>What a touchpoint grain persists. Never renumber an [Id].</summary>
[GenerateSerializer, Alias("cxlive.TouchpointState")]
public sealed class TouchpointState
{
    [Id(0)] public TouchpointDefinition? Definition { get; set; }
    [Id(1)] public DateTimeOffset? UpdatedAt { get; set; }

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
